import TierscanCore

/// A parsed RMI reporting template (CMRT, or EMRT recognised): declaration, answers and smelter
/// rows, kept for the conflict-minerals roll-up. The graph records it yields are added to
/// ``IngestedInputs`` separately.
public struct CMRTWorkbook: Sendable, Hashable {
  /// The input path.
  public var file: String
  /// `CMRT` or `EMRT`.
  public var template: String
  /// Version as read from `Declaration!J3`, e.g. `6.4`.
  public var version: String?
  /// Declaring company name (trimmed).
  public var companyName: String?
  /// The entity id the declaring company got in the graph (before merging).
  public var companyID: String
  /// `.cmrt` or `.emrt`.
  public var kind: InputKind
  /// Whether the template predates 6.x (read for company name and smelter rows only).
  public var isOutdated: Bool
  /// Declaration company fields (6.x fully; older templates: company name only).
  public var declaration: CMRTDeclaration
  /// Questions 1–8 per metal, in the order tantalum, tin, gold, tungsten (6.x CMRT only; empty otherwise).
  public var metalAnswers: [CMRTMetalAnswers]
  /// Company questions A–H (6.x CMRT only; empty otherwise).
  public var companyAnswers: [CMRTCompanyAnswer]
  /// Product List rows (6.x only).
  public var products: [CMRTProduct]
  /// Every non-blank Smelter List row, in sheet order; duplicates are kept.
  public var smelters: [CMRTSmelterRow]

  /// Creates a workbook summary.
  public init(
    file: String, template: String, version: String?, companyName: String?, companyID: String,
    kind: InputKind = .cmrt, isOutdated: Bool = false, declaration: CMRTDeclaration = CMRTDeclaration(),
    metalAnswers: [CMRTMetalAnswers] = [], companyAnswers: [CMRTCompanyAnswer] = [], products: [CMRTProduct] = [],
    smelters: [CMRTSmelterRow] = []
  ) {
    self.file = file
    self.template = template
    self.version = version
    self.companyName = companyName
    self.companyID = companyID
    self.kind = kind
    self.isOutdated = isOutdated
    self.declaration = declaration
    self.metalAnswers = metalAnswers
    self.companyAnswers = companyAnswers
    self.products = products
    self.smelters = smelters
  }

  /// Where the declaring company's name is (`Declaration!D8`): the provenance of its entity record.
  public var companyProvenance: Provenance { Provenance(file: file, line: 8, sheet: "Declaration", cell: "D8") }

  /// The answers for one metal, if the template has questions.
  public func answers(for metal: CMRTMetal) -> CMRTMetalAnswers? {
    metalAnswers.first { $0.metal == metal }
  }

  /// Smelter rows declared for `metal` (lower-case name such as `tin`).
  public func smelters(for metal: String) -> [CMRTSmelterRow] {
    smelters.filter { $0.metal == metal }
  }

  /// The distinct valid CIDs of the smelter rows, sorted by UTF-8 bytes.
  public var distinctCIDs: [String] {
    Array(Set(smelters.compactMap(\.cid))).sorted { $0.utf8Precedes($1) }
  }
}

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

  /// Creates a workbook summary.
  public init(file: String, template: String, version: String?, companyName: String?, companyID: String) {
    self.file = file
    self.template = template
    self.version = version
    self.companyName = companyName
    self.companyID = companyID
  }
}

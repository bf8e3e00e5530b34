import TierscanCore
import TierscanIngest
import TierscanRisk

/// Conflict-minerals figures for the statement: CMRT responses and smelter RMAP status.
///
/// Response rate: the CMRT roll-up's (``CMRTRollup/response``): of the companies in the chain
/// expected to report 3TG (docs/cmrt-rollup.md), how many sent a CMRT. Smelter status: the
/// first status reference row per CID (as the risk model scores it); without any status
/// reference, smelters are `unassessed`.
public struct CMRTFigures: Sendable {
  /// One workbook received.
  public struct Response: Sendable, Hashable {
    public var file: String
    /// The entity the declarer resolved to in the graph.
    public var entityID: String
    public var name: String
    public var tier: Int?
    public var template: String
    public var version: String?
    public var scope: String?
    public var effectiveDate: String?
    public var smelterRows: Int
  }

  /// A smelter in the chain and its status.
  public struct Smelter: Sendable, Hashable {
    public var id: String
    public var cid: String?
    public var name: String
    public var country: String?
    public var tier: Int
    /// `conformant`, `active`, `non-conformant`, `unknown`, or `unassessed`.
    public var status: String
    /// The `as_of` date of the reference row the status comes from, when given.
    public var asOf: String?
  }

  public var responses: [Response]
  /// Companies expected to answer (see the type's summary), by id.
  public var expected: [String]
  /// Those of ``expected`` that sent a workbook.
  public var responded: [String]
  /// `responded / expected`, `nil` when nothing is expected.
  public var responseRate: Double? { expected.isEmpty ? nil : Double(responded.count) / Double(expected.count) }
  /// Smelters with a tier, by id.
  public var smelters: [Smelter]
  /// Whether a smelter status reference was among the inputs.
  public var isAssessed: Bool

  /// Counts per status in a fixed order (conformant, active, non-conformant, unknown, unassessed), zeros kept.
  public var statusCounts: [StatementFigures.Count] {
    ["conformant", "active", "non-conformant", "unknown", "unassessed"].map { status in
      StatementFigures.Count(key: status, count: smelters.filter { $0.status == status }.count)
    }
  }

  /// Computes the figures.
  ///
  /// - Complexity: O(V + E + W·R) over workbooks W and their smelter rows R.
  public init(inputs: IngestedInputs, analysis: RiskAnalysis) {
    let graph = analysis.graph
    responses = inputs.workbooks.map { workbook in
      let index = graph.index(of: workbook.companyID)
      return Response(
        file: workbook.file, entityID: index.map { graph.entities.id(of: $0) } ?? workbook.companyID,
        name: index.map { graph.entities.name(of: $0) } ?? workbook.companyName ?? workbook.companyID,
        tier: index.flatMap { analysis.tiers[Int($0)] }, template: workbook.template, version: workbook.version,
        scope: workbook.declaration.scope, effectiveDate: workbook.declaration.effectiveDate,
        smelterRows: workbook.smelters.count)
    }
    // Who is expected to report is the roll-up's rule (docs/cmrt-rollup.md), so that the
    // statement and `tierscan cmrt` always give the same response rate.
    let rollup = CMRTRollup(inputs: inputs, graph: graph, analysis: analysis)
    let expected = rollup.response?.expected ?? []
    self.expected = expected.map(\.entityID)
    self.responded = expected.filter(\.returned).map(\.entityID)

    var status: [RawKey: SmelterStatus] = [:]
    var asOf: [RawKey: ISODate] = [:]
    for reference in inputs.smelterReferences where status[RawKey(reference.cid)] == nil {
      if let value = reference.status {
        status[RawKey(reference.cid)] = value
        asOf[RawKey(reference.cid)] = reference.asOf
      }
    }
    isAssessed = !status.isEmpty
    var smelters: [Smelter] = []
    for v in graph.entities.indices
    where graph.entities.kind(of: v) == .smelter || graph.entities.identifiers(of: v).cid != nil {
      guard let tier = analysis.tiers[v] else { continue }
      let entity = graph.entities[v]
      let cid = entity.identifiers.cid
      let value = isAssessed ? (cid.flatMap { status[RawKey($0)] } ?? .unknown).rawValue : "unassessed"
      smelters.append(
        Smelter(
          id: entity.id, cid: cid, name: entity.name, country: entity.country, tier: tier, status: value,
          asOf: cid.flatMap { asOf[RawKey($0)] }?.description))
    }
    self.smelters = smelters
  }
}

import TierscanCore
import TierscanIngest

/// Evidence beside the graph that an OMTS export carries (docs/interchange.md "OMTS export"):
/// supplier lists' declared tiers on their edges, and RMAP smelter status as attestations.
public struct OMTSExportEvidence: Sendable {
  /// Declared tiers (``DeclaredTier``), written on the edge of the row that declared them.
  public var declaredTiers: [DeclaredTier]
  /// Smelter reference rows: the status of each exported CID (the first row with a status, as
  /// the risk engine takes it) becomes an RMAP `attestation` node.
  public var smelterReferences: [SmelterReference]

  /// Creates the evidence.
  public init(declaredTiers: [DeclaredTier] = [], smelterReferences: [SmelterReference] = []) {
    self.declaredTiers = declaredTiers
    self.smelterReferences = smelterReferences
  }
}

/// An RMAP status written as an OMTS `attestation` node attested by the smelter's node.
struct OMTSRMAPAttestation {
  /// The attestation's node id (`rmap-<CID>`, unique in the file).
  var id: String
  /// The smelter (or other entity with a CID) it attests.
  var entity: EntityIndex
  var reference: SmelterReference
}

extension OMTSExport {
  /// The attestation `outcome` of an RMAP status: conformant → pass, active → pending (in the
  /// assessment process), non-conformant → fail, unknown → not_applicable.
  static func outcome(of status: SmelterStatus) -> String {
    switch status {
    case .conformant: "pass"
    case .active: "pending"
    case .nonConformant: "fail"
    case .unknown: "not_applicable"
    }
  }

  /// One attestation per written entity with a CID that the references give a status for, in
  /// entity (id) order.
  static func rmapAttestations(
    graph: SupplyGraph, retained: [EntityIndex], references: [SmelterReference]
  ) -> [OMTSRMAPAttestation] {
    guard !references.isEmpty else { return [] }
    var byCID: [String: SmelterReference] = [:]
    for reference in references where reference.status != nil && byCID[reference.cid] == nil {
      byCID[reference.cid] = reference
    }
    var out: [OMTSRMAPAttestation] = []
    for v in retained {
      guard let cid = graph.entities.identifiers(of: v).cid, let reference = byCID[cid] else { continue }
      var id = "rmap-" + cid
      while graph.index(of: id) != nil { id += "_" }
      out.append(OMTSRMAPAttestation(id: id, entity: v, reference: reference))
    }
    return out
  }

  /// The `attestation` node of an RMAP status.
  func attestationNode(_ attestation: OMTSRMAPAttestation) -> JSONValue {
    let reference = attestation.reference
    let status = reference.status ?? .unknown
    var labels: [JSONValue] = []
    func label(_ key: String, _ value: String?) {
      labels.append(.object([("key", .string(key))] + (value.map { [("value", .string($0))] } ?? [])))
    }
    label("org.tierscan.rmap-status", reference.rawStatus ?? status.rawValue)
    if reference.asOf == nil { label("org.tierscan.valid-from-unknown", nil) }
    if options.scope != .public { label("org.tierscan.provenance", reference.provenance.description) }
    return .object([
      ("id", .string(attestation.id)), ("type", .string("attestation")),
      ("name", .string("RMAP status of \(reference.cid)")), ("attestation_type", .string("audit")),
      ("standard", .string("RMAP")), ("issuer", .string("Responsible Minerals Initiative")),
      ("valid_from", .string(reference.asOf?.description ?? snapshotDate)),
      ("outcome", .string(Self.outcome(of: status))), ("labels", .array(labels)),
    ])
  }

  /// The `attested_by` edge from the smelter's node to its attestation.
  func attestationEdge(_ attestation: OMTSRMAPAttestation, number: Int) -> JSONValue {
    .object([
      ("id", .string("e\(number)")), ("type", .string("attested_by")), ("source", .string(nodeID(attestation.entity))),
      ("target", .string(attestation.id)), ("properties", .object([("scope", .string("conflict_minerals"))])),
    ])
  }

  /// The labels of a declared tier on its edge: the flag `org.tierscan.declared-tier` and one
  /// `org.tierscan.discloser` per discloser that is a node of this file (a discloser outside it
  /// is not named: the file names only its own nodes).
  func declaredTierLabels(_ declared: DeclaredTier) -> [(String, String?)] {
    var out: [(String, String?)] = [("org.tierscan.declared-tier", nil)]
    var seen = Set<String>()
    for discloser in declared.disclosers {
      guard let v = graph.index(of: discloser), nodeTypes[v] != nil else { continue }
      let id = nodeID(v)
      if seen.insert(id).inserted { out.append(("org.tierscan.discloser", id)) }
    }
    return out
  }
}

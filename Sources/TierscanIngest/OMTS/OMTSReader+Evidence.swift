import TierscanCore

/// An RMAP `attestation` node, kept until an `attested_by` edge names the smelter it attests.
struct OMTSAttestationRecord {
  var status: SmelterStatus
  var rawStatus: String
  var asOf: ISODate?
  var at: Provenance
  var isUsed = false
}

extension OMTSReader {
  /// An `attestation` node whose `standard` is RMAP: the status from tierscan's label
  /// `org.tierscan.rmap-status` (the reference's own text), else from `outcome` (pass →
  /// conformant, pending or conditional_pass → active, fail → non-conformant, anything else →
  /// unknown); `valid_from` is the date it held on (unless tierscan's export flagged it unknown).
  mutating func readRMAPAttestation(_ value: JSONValue, id: String, at: Provenance) {
    let labels = self.labels(value["labels"], at: at)
    let outcome = value["outcome"]?.stringValue ?? ""
    let raw = labels.first { $0.0 == "org.tierscan.rmap-status" }?.1
    let status: SmelterStatus
    if let raw {
      status = SmelterStatus(reading: raw)
    } else {
      switch outcome {
      case "pass": status = .conformant
      case "pending", "conditional_pass": status = .active
      case "fail": status = .nonConformant
      default: status = .unknown
      }
    }
    let isDateUnknown = labels.contains { $0.0 == "org.tierscan.valid-from-unknown" }
    let asOf = isDateUnknown ? nil : value["valid_from"]?.stringValue.flatMap { ISODate($0) }
    if rmapAttestations[id] == nil { rmapAttestationOrder.append(id) }
    rmapAttestations[id] = OMTSAttestationRecord(
      status: status, rawStatus: raw ?? "RMAP outcome \(outcome.isEmpty ? "not given" : outcome)", asOf: asOf, at: at)
  }

  /// An `attested_by` edge to an RMAP attestation: a smelter reference row for the source node's
  /// CID, citing the attestation node. A source without a CID cannot carry an RMAP status: a
  /// warning `omts-attestation`.
  mutating func attachRMAPStatus(_ edge: OMTSEdge) {
    guard var attestation = rmapAttestations[edge.target] else { return }
    guard let cid = nodeCIDs[edge.source] else {
      warning(
        .omtsAttestation, edge.at,
        "attested_by edge '\(edge.id)': RMAP attestation '\(edge.target)' attests '\(edge.source)', which has no "
          + "\(OMTSVocabulary.cidScheme) identifier; the status is not used")
      return
    }
    attestation.isUsed = true
    rmapAttestations[edge.target] = attestation
    result.smelterReferences.append(
      SmelterReference(
        cid: cid, status: attestation.status, rawStatus: attestation.rawStatus, asOf: attestation.asOf,
        provenance: attestation.at))
  }

  /// A declared tier from a supply or subcontract edge: tierscan's own export marks it
  /// (`org.tierscan.declared-tier`, its disclosers as `org.tierscan.discloser`, the cell as
  /// `org.tierscan.attr.tier` when it is not the number's own text); another tool's `tier`
  /// property on a `supplies` edge is a tier relative to the file's reporting entity (OMTS
  /// SPEC-001), its discloser found at the end of the file.
  mutating func addDeclaredTier(_ edge: OMTSEdge) {
    let property = edge.properties["tier"]
    let hasProperty = edge.type == "supplies" && property != nil && property != .null
    // Most edges declare nothing: look for the flag without building the label list.
    let isMarked = edge.properties["labels"]?.arrayValue?.contains { $0["key"]?.stringValue == "org.tierscan.declared-tier" } == true
    guard isMarked || hasProperty else { return }
    let labels = self.labels(edge.properties["labels"], at: edge.at)
    let raw = labels.first { $0.0 == "org.tierscan.attr.tier" }?.1 ?? property.map(InterchangeValues.text) ?? ""
    let tier = DeclaredTier.parse(raw)
    if tier == nil {
      warning(
        .invalidTier, edge.at,
        "tier '\(raw)' is not a tier 1–\(DeclaredTier.maximum) (accepted: 2, Tier 2, T2, 2.0); kept as written in "
          + "the edge's attributes, not compared with the computed tier")
    }
    if !isMarked { foreignDeclaredTiers.append(result.declaredTiers.count) }
    result.declaredTiers.append(
      DeclaredTier(
        supplier: edge.source, buyer: edge.target, tier: tier, raw: raw,
        disclosers: isMarked ? labels.filter { $0.0 == "org.tierscan.discloser" }.map(\.1) : [], provenance: edge.at))
  }

  /// The disclosers of declared tiers the file did not name: the reporting entity when the
  /// header gives an organisation, else the top buyers of the file's own supply rows, as for a
  /// supplier list (docs/formats.md#declared-tiers).
  mutating func resolveForeignDisclosers(rename: [String: String]) {
    guard !foreignDeclaredTiers.isEmpty else { return }
    if let (id, _) = reportingEntity, nodeTypes[id] == "organization" {
      for i in foreignDeclaredTiers { result.declaredTiers[i].disclosers = [rename[id] ?? id] }
      return
    }
    var foreign = foreignDeclaredTiers.map { result.declaredTiers[$0] }
    DeclaredTierDisclosers.resolve(&foreign, relationships: result.relationships)
    for (k, i) in foreignDeclaredTiers.enumerated() { result.declaredTiers[i].disclosers = foreign[k].disclosers }
  }
}

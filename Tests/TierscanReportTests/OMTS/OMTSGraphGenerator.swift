import TierscanCore
import TierscanTestSupport

/// Random graphs for the OMTS round-trip property test: every entity kind, hostile ids and
/// names, valid identifiers, attributes whose keys collide with OMTS fields, every relationship
/// type between any kinds, placeholders.
struct OMTSGraphGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }

  private mutating func next() -> UInt64 { random.next() }

  private mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// Smelter reference rows for some of `graph`'s CIDs and for CIDs it does not have: every
  /// status, the status text as references write it, a date or none, a CID given twice (the
  /// first row with a status counts), a row without status (a look-up entry).
  mutating func smelterReferences(for graph: SupplyGraph) -> [SmelterReference] {
    var out: [SmelterReference] = []
    let cids = graph.entities.compactMap(\.identifiers.cid) + ["CID999990", "CID999991"]
    for (n, cid) in cids.enumerated() where chance(70) {
      let raw = pick(["conformant", "Conformant", "active", "Non-Conformant", "non-conformant", "In communication", "unknown"])
      let date = chance(50) ? ISODate("2025-0\(1 + int(9))-1\(int(10))") : nil
      if chance(15) {
        out.append(SmelterReference(cid: cid, status: nil, provenance: Provenance(file: "in/lookup.csv", line: n + 2)))
      }
      out.append(
        SmelterReference(
          cid: cid, status: SmelterStatus(reading: raw), rawStatus: raw, asOf: date,
          provenance: Provenance(file: "in/smelter-reference.csv", line: n + 2)))
      if chance(20) {
        out.append(
          SmelterReference(
            cid: cid, status: .nonConformant, rawStatus: "non-conformant",
            provenance: Provenance(file: "in/smelter-reference.csv", line: n + 1000)))
      }
    }
    return out
  }
  private mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
  private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

  /// A valid LEI: 18 random characters and ISO 7064 mod 97-10 check digits.
  mutating func lei() -> String {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    let base = String((0..<18).map { _ in alphabet[int(alphabet.count)] })
    var remainder = 0
    for character in base + "00" {
      let value = Int(String(character), radix: 36)!
      for digit in String(value) { remainder = (remainder * 10 + Int(String(digit))!) % 97 }
    }
    let check = 98 - remainder
    return base + (check < 10 ? "0" : "") + String(check)
  }

  mutating func graph() -> SupplyGraph { graphWithDeclaredTiers().graph }

  /// A random graph and the declared tiers of some of its supply and subcontract edges (as a
  /// supplier list gives them: the edge's `tier` attribute is the cell, the declared tier cites
  /// the same row), valid and refused values, zero to three disclosers.
  mutating func graphWithDeclaredTiers() -> (graph: SupplyGraph, declaredTiers: [DeclaredTier]) {
    let count = 1 + int(25)
    let idShapes = ["E", "é-", "a b\"", "x/y~", "Ω", "line\nbreak-", "tab\t", "=at"]
    let ids = (0..<count).map { pick(idShapes) + String($0) }
    let names = ["Acme Ltd", "Zhejiang “Quote” Co", "Ünïcode GmbH", "back\\slash", "", "name\nwith newline", "S.A."]
    let countries: [String?] = [nil, "GB", "CN", "DE", "VN", "MY"]
    let attributeKeys = [
      "region", "spend", "source", "tier", "valid_from", "percentage", "label.x", "omts.status", "x y", "_z", "Ünï",
      "commodity", "labels", "omts.geo",
    ]
    let values = ["", "1", "2.50", "true", "England", "a:b:c", "{\"lat\":1}", "2024-01-01", "=SUM(A1)", "ü ✓"]
    var entities: [EntityRecord] = []
    for (i, id) in ids.enumerated() {
      var record = EntityRecord(id: id, provenance: Provenance(file: "in/entities.csv", line: i + 2))
      if chance(90) { record.name = pick(names) + " \(i)" }
      record.kind = pick([EntityKind.company, .company, .facility, .smelter, .mine, .person, nil])
      record.country = pick(countries)
      if chance(40) { record.sector = pick(["textiles", "electronics", "Mining & Quarrying"]) }
      for commodity in ["tin", "cotton", "gold", "7318"] where chance(20) { record.commodities.append(commodity) }
      if chance(40) { record.identifiers.lei = lei() }
      if chance(25) { record.identifiers.duns = String(100_000_000 + int(899_999_999)) }
      if chance(25) { record.identifiers.vat = "VAT\(i):x" }
      if chance(record.kind == .smelter ? 80 : 10) { record.identifiers.cid = "CID" + String(100_000 + int(899_999)) }
      for n in 0..<int(3) { record.aliases.append("alias \(i).\(n)") }
      if chance(20) { record.rawMaterial = true }
      for key in attributeKeys where chance(15) { record.attributes.append(Attribute(key, pick(values))) }
      entities.append(record)
    }
    let edgeKeys = [
      "source", "tier", "spend", "valid_from", "valid_to", "percentage", "commodity", "label.k", "contract_ref", "_p",
      "volume", "omts.type", "visibility_depth", "direct",
    ]
    let edgeValues = [
      "", "0", "1", "3.25", "x", "2023-05-01", "2025-02-30", "tolls", "sells_to", "Supplier questionnaire 2025", "007",
    ]
    var relationships: [RelationshipRecord] = []
    var declared: [DeclaredTier] = []
    for n in 0..<int(3 * count + 1) {
      let from = chance(95) ? pick(ids) : "placeholder-\(int(3))"
      let to = chance(95) ? pick(ids) : "placeholder-\(int(3))"
      let type = pick(RelationshipType.allCases)
      var record = RelationshipRecord(from: from, to: to, type: type, provenance: Provenance(file: "in/r.csv", line: n + 2))
      if chance(50) { record.commodity = pick(["tin", "Cotton", "7318", "gold, refined", "ü"]) }
      if chance(30) { record.hsCode = pick(["7318.15", "52", "851761", "x-1"]) }
      if type == .owns, chance(80) { record.share = pick([100, 50, 49.5, 33.333333333333336, 0.01, 75]) }
      if chance(70) { record.basis = pick(Basis.allCases) }
      if chance(30) { record.confidence = pick([1, 0.25, 0.123456789, 0.9]) }
      if chance(60) { record.reportingYear = 2020 + int(7) }
      for key in edgeKeys where chance(15) {
        var value = pick(edgeValues)
        if key == "valid_from", InterchangeDateForTests.isDate(value) { value = "2023-05-01" }
        if key == "valid_to", InterchangeDateForTests.isDate(value) { value = "2027-01-01" }
        record.attributes.append(Attribute(key, value))
      }
      if type == .supplies || type == .subcontracts, chance(35) {
        let raw = pick(["2", "1", "Tier 3", "T1", "2.0", "tier-7", "n/a", "0", "1e9", "12"])
        record.attributes.removeAll { $0.key == "tier" }
        record.attributes.append(Attribute("tier", raw))
        var disclosers = Set<String>()
        for _ in 0..<int(4) { disclosers.insert(chance(80) ? pick(ids) : "outside-\(int(2))") }
        declared.append(
          DeclaredTier(
            supplier: from, buyer: to, tier: DeclaredTier.parse(raw), raw: raw,
            disclosers: disclosers.sorted { $0.utf8Precedes($1) }, provenance: record.provenance))
      }
      relationships.append(record)
    }
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: entities, relationshipRecords: relationships, findings: &findings)
    return (graph, declared)
  }
}

enum InterchangeDateForTests {
  static func isDate(_ text: String) -> Bool { ISODate(text) != nil && text.utf8.count == 10 }
}

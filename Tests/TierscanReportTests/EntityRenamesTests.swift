import Testing
import TierscanCore
@testable import TierscanReport

/// Renumbered entities in `diff` (``EntityRenames``): one-to-one links by identifier, alias or
/// judgement; ambiguous ties and vetoes.
@Suite struct EntityRenamesTests {
  typealias Row = ScanSnapshot.EntityRow
  static let lei = "5493001KJTIIGC8Y1R12"
  static let at = Provenance(file: "j.csv", line: 2)

  @Test func identifierAliasAndJudgementLinks() {
    let removed = [
      Row(id: "A", name: "Alpha", kind: "company", identifiers: Identifiers(lei: Self.lei)),
      Row(id: "B", name: "Beta", kind: "company"),
      Row(id: "C", name: "Gamma", kind: "company"),
      Row(id: "D", name: "Delta", kind: "company", identifiers: Identifiers(vat: "GB1")),
    ]
    let added = [
      Row(id: "A2", name: "Alpha Ltd", kind: "company", identifiers: Identifiers(lei: Self.lei)),
      Row(id: "B2", name: "Beta", kind: "company", aliases: ["B"]),
      Row(id: "C2", name: "Gamma", kind: "company"),
      Row(id: "D2", name: "Delta", kind: "company", identifiers: Identifiers(vat: "GB1")),
    ]
    let judgement = Judgement(left: "C2", right: "C", decision: .same, provenance: Self.at)
    let renames = EntityRenames(removed: removed, added: added, judgements: [judgement])
    #expect(renames.renames.map { "\($0.oldID)>\($0.newID) \($0.via)" } == ["A>A2 lei \(Self.lei)", "B>B2 alias", "C>C2 judgement j.csv:2"])
    // VAT never merges, so it never ties a renumbered entity either.
    #expect(!renames.renames.contains { $0.oldID == "D" })
    #expect(renames.ambiguities.isEmpty)
  }

  @Test func ambiguousTiesAndVetoes() {
    let removed = [
      Row(id: "A", name: "Alpha", kind: "company", identifiers: Identifiers(lei: Self.lei)),
      Row(id: "B", name: "Beta", kind: "company", identifiers: Identifiers(duns: "123456789")),
    ]
    let added = [
      Row(id: "A2", name: "Alpha", kind: "company", identifiers: Identifiers(lei: Self.lei)),
      Row(id: "A3", name: "Alpha Two", kind: "company", identifiers: Identifiers(lei: Self.lei)),
      Row(id: "B2", name: "Beta", kind: "company", identifiers: Identifiers(duns: "123456789"), aliases: ["B"]),
    ]
    let judgements = [
      Judgement(left: "B", right: "B2", decision: .notSame, provenance: Self.at),
      Judgement(left: "B", right: "A3", decision: .unsure, provenance: Self.at),
    ]
    let renames = EntityRenames(removed: removed, added: added, judgements: judgements)
    // One old entity tied to two new ones: neither is a rename.
    #expect(renames.ambiguities.map { "\($0.id) \($0.isOld) \($0.others)" } == ["A true [\"A2\", \"A3\"]"])
    // not_same vetoes the alias link; the shared DUNS stands, with the judgement noted.
    #expect(renames.renames.map(\.via) == ["duns 123456789; judged not_same at j.csv:2, but the identifier agrees"])
  }

  @Test func diffComparesRenamedEntitiesUnderTheirNewIds() {
    typealias Exposure = ScanSnapshot.ExposureRow
    func exposure(_ id: String) -> Exposure {
      Exposure(
        entityID: id, name: id, kind: "company", country: "", tier: 1, category: "forced_labour", score: 0.7,
        level: "high", hops: 1, sourceID: id)
    }
    let old = ScanSnapshot(
      exposures: [exposure("A")], tiers: [],
      entities: [Row(id: "A", name: "Alpha", kind: "company", identifiers: Identifiers(lei: Self.lei)), Row(id: "F", name: "F", kind: "company")],
      relationships: [.init(from: "A", to: "F", type: "supplies", commodity: "tin")])
    let new = ScanSnapshot(
      exposures: [exposure("A2")], tiers: [],
      entities: [Row(id: "A2", name: "Alpha", kind: "company", identifiers: Identifiers(lei: Self.lei)), Row(id: "F", name: "F", kind: "company")],
      relationships: [.init(from: "A2", to: "F", type: "supplies", commodity: "tin")])
    let diff = ScanDiff(old: old, new: new)
    #expect(diff.entitiesAdded.isEmpty && diff.entitiesRemoved.isEmpty)
    #expect(diff.entitiesRenamed.map(\.newID) == ["A2"])
    #expect(diff.relationshipsAdded.isEmpty && diff.relationshipsRemoved.isEmpty)
    #expect(diff.exposures.isEmpty)
    #expect(diff.render(.text).hasPrefix("entities: 0 added, 0 removed, 1 id changed\n  ~ A → A2  Alpha (company): id changed (lei \(Self.lei))\n"))
  }
}

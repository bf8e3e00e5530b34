import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// Each real supply-chain file type in `../shared/realdata` read with a shipped profile and no code
/// (docs/mappings.md). Counts are those of the published files.
@Suite(.enabled(if: XLSXTestSupport.hasRealData, "../shared/realdata is absent; these files are third-party data"))
struct RealDataProfileTests {
  private static let root = XLSXTestSupport.realCMRT.deletingLastPathComponent()

  private func read(_ path: String, profile: String, params: [String: String] = [:], encoding: InputEncoding? = nil)
    throws -> IngestedInputs
  {
    var mapping = try MappingProfiles.profile(profile)
    mapping.parameterValues = params
    var options = IngestOptions()
    options.mappings = [mapping]
    options.encoding = encoding
    let url = Self.root.appendingPathComponent(path)
    return Ingestor(options: options).read(file: InputFile(displayPath: path, url: url))
  }

  private func count(_ inputs: IngestedInputs, _ rule: String) -> Int {
    inputs.findings.findings.filter { $0.rule.id == rule }.count
  }

  @Test func openSupplyHubList() throws {
    let inputs = try read("facilities/opensupplyhub_facility_lists/2.csv", profile: "os-hub", params: ["buyer_id": "B"])
    let file = try #require(inputs.files.first)
    #expect(file.kind == .supplierList && file.recordsRead == 83 && file.recordsAccepted == 83)
    #expect(Set(inputs.entities.map(\.id)).count == 79)
    #expect(inputs.entities.allSatisfy { $0.id.hasPrefix("oshub:") && $0.kind == .facility && $0.country != nil })
    #expect(inputs.entities.allSatisfy { $0.attributes.contains { $0.key == "address" } })
    #expect(inputs.relationships.allSatisfy { $0.to == "B" && $0.commodity == "garments" })
    #expect(count(inputs, "duplicate-row") == 4)
    #expect(count(inputs, "country-resolved") == 6)
    #expect(inputs.findings.findings.allSatisfy { $0.severity != .error })
  }

  @Test func openSupplyHubWorkbook() throws {
    let inputs = try read("facilities/opensupplyhub_facility_lists/12.xlsx", profile: "os-hub", params: ["buyer_id": "B"])
    #expect(inputs.files.map(\.recordsAccepted) == [15])
    #expect(inputs.entities.first?.provenance.sheet == "12" && inputs.entities.first?.provenance.cell == "A2")
    // The .xlsx and the .csv of list 12 give the same facilities but one, whose address differs
    // between the two published files.
    let csv = try read("facilities/opensupplyhub_facility_lists/12.csv", profile: "os-hub", params: ["buyer_id": "B"])
    #expect(zip(inputs.entities, csv.entities).filter { $0.id != $1.id }.map(\.0.provenance.line) == [10])
  }

  @Test func legacyXLSIsAClearError() throws {
    let inputs = try read("facilities/opensupplyhub_facility_lists/12.xls", profile: "os-hub")
    #expect(inputs.findings.findings.map(\.rule) == [.legacyWorkbook])
    #expect(inputs.findings.findings.first?.message.contains("save it as .xlsx or CSV") == true)
  }

  /// Reads a real file with no mapping, as a new user's first try would.
  private func readPlain(_ path: String) -> IngestedInputs {
    Ingestor(options: IngestOptions()).read(file: InputFile(displayPath: path, url: Self.root.appendingPathComponent(path)))
  }

  @Test func ilabRowsFlaggedOnlyDerivedAreCountedAndSaid() {
    // 467 good × country rows: 457 flag child or forced labour; 10 flag only
    // Derived_Labor_Exploitation (solar cells/modules, PV ingots/wafers, Li-ion batteries from
    // China; palm-oil products from Indonesia) and were skipped without a word before.
    let inputs = readPlain("risk_lists/goods_2021.xml")
    #expect(inputs.files.map(\.recordsRead) == [467] && inputs.files.map(\.recordsAccepted) == [457])
    #expect(inputs.files.map(\.recordsRejected) == [10])
    let derived = inputs.findings.findings.filter { $0.rule == .ilabDerivedOnly }
    #expect(derived.count == 10 && inputs.findings.findings.count == 10)
    #expect(derived.contains { $0.message.hasPrefix("good 'Solar Modules' (China) is listed only as produced with inputs") })
    #expect(inputs.countryRisk.count == 535)
  }

  @Test func theOMTSImportTemplateIsNotSilentlyMisread() {
    let inputs = readPlain("omts/excel/omts-import-example.xlsx")
    #expect(inputs.findings.findings.first?.rule == .omtsExcelTemplate)
    // Its Supply Relationships sheet lists `operates` and `produces` rows beside the supplies row:
    // rejected, never supplies edges org-bolt → fac-bolt-sheffield or facility → good.
    let rejected = inputs.findings.findings.filter { $0.rule == .supplierListType }
    #expect(rejected.map { $0.location?.line ?? 0 } == [3, 4])
    #expect(rejected.allSatisfy { $0.location?.sheet == "Supply Relationships" })
    #expect(!inputs.relationships.contains { $0.to == "fac-bolt-sheffield" })
    #expect(inputs.relationships.contains { $0.from == "org-bolt" && $0.to == "org-acme" && $0.type == .supplies })
  }

  @Test func omtsSupplierListTemplate() throws {
    let inputs = try read("omts/excel/omts-supplier-list-example.xlsx", profile: "omts-supplier-list")
    #expect(inputs.files.map(\.recordsRead) == [7] && inputs.files.map(\.recordsAccepted) == [7])
    let edges = inputs.relationships.map { "\($0.from)>\($0.to)" }
    let baosteel = try #require(inputs.entities.first { $0.name == "Baosteel Trading Co" }?.id)
    #expect(edges.contains("bolt-001>Acme Manufacturing GmbH"))
    #expect(edges.contains("shan-001>Acme Manufacturing GmbH"))
    #expect(edges.contains { $0.hasSuffix(">bolt-001") })  // Yorkshire Steel Works, tier 2
    #expect(edges.contains("\(baosteel)>shan-001"))
    #expect(edges.contains { $0.hasSuffix(">\(baosteel)") })  // Inner Mongolia Mining, tier 3, parent by name
    #expect(inputs.relationships.first?.hsCode == "7318.15")
    #expect(inputs.relationships.first?.attributes.contains(Attribute("tier", "1")) == true)
    #expect(count(inputs, "duplicate-row") == 1)
  }

  @Test func cfsiCompliantSmelterList() throws {
    let inputs = try read("smelters/cfsi_compliant_smelters_list.csv", profile: "smelter-list")
    let file = try #require(inputs.files.first)
    #expect(file.kind == .smelterReference && file.recordsRead == 132 && file.recordsAccepted == 128)
    // Compliant → conformant, Progressing and Active → active.
    let statuses = Dictionary(grouping: inputs.smelterReferences, by: \.status).mapValues(\.count)
    #expect(statuses == [.conformant: 86, .active: 42])
    #expect(inputs.smelterReferences.first?.country == "DE")
  }

  @Test(arguments: [
    ("smelters/smelter_references.csv", 223, 215), ("smelters/v2_to_v3_translation_data.csv", 215, 215),
    ("smelters/DERIVED/DERIVED_RMI_CMRT_6.5_smelter_lookup.csv", 637, 629),
  ])
  func smelterListsWithoutStatus(path: String, read rows: Int, accepted: Int) throws {
    let inputs = try read(path, profile: "smelter-list")
    #expect(inputs.files.map(\.recordsRead) == [rows] && inputs.files.map(\.recordsAccepted) == [accepted])
    #expect(inputs.smelterReferences.allSatisfy { $0.status == .unknown })
  }

  @Test func ldeneviCMRTSmelterListExport() throws {
    let plain = try read("cmrt/ldenevi_ddm/csv/smelters.csv", profile: "cmrt-smelter-list", params: ["buyer_id": "GSP"])
    #expect(plain.findings.findings.first?.rule == .notUtf8)
    let inputs = try read(
      "cmrt/ldenevi_ddm/csv/smelters.csv", profile: "cmrt-smelter-list", params: ["buyer_id": "GSP"],
      encoding: .windows1252)
    #expect(inputs.files.map(\.recordsRead) == [82] && inputs.files.map(\.recordsAccepted) == [82])
    #expect(inputs.entities.allSatisfy { $0.kind == .smelter })
    #expect(inputs.relationships.allSatisfy { $0.to == "GSP" && ["gold", "tin", "tantalum", "tungsten"].contains($0.commodity ?? "") })
    #expect(!inputs.entities.contains { $0.id == "Not Listed" || $0.id == "Not Supplied" })
  }
}

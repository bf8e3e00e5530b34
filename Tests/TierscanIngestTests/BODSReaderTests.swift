import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// The official BODS 0.4 examples (../shared/realdata/bods/examples): every one reads without an
/// error, and the `owns` edges of four are pinned by hand from the statements.
@Suite(.enabled(if: InterchangeTestSupport.hasRealData, "../shared/realdata is absent"))
struct BODSReaderTests {
  static let examples = InterchangeTestSupport.realdata.appendingPathComponent("bods/examples")

  static func read(_ name: String, policy: BODSSharePolicy = .minimum) -> IngestedInputs {
    var options = IngestOptions()
    options.bodsSharePolicy = policy
    return Ingestor(options: options).read(arguments: [examples.appendingPathComponent(name).path])
  }

  /// `from → to share pointer` of every owns edge.
  static func edges(_ inputs: IngestedInputs) -> [String] {
    inputs.relationships.map { r in
      "\(r.from) → \(r.to) \(r.share.map { String($0) } ?? "-") \(r.provenance.pointer ?? "?")"
    }
  }

  @Test func everyExampleReadsWithoutErrors() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".json") }
    #expect(names.count == 19)
    for name in names {
      let inputs = Self.read(name)
      #expect(!inputs.findings.hasErrors, "\(name): \(inputs.findings.findings.map(\.description))")
      #expect(inputs.files.map(\.kind) == [.bods], "\(name)")
    }
  }

  @Test func pinnedOwnershipEdges() {
    #expect(Self.edges(Self.read("bods-package.json")) == ["10478c6cf6de → c359f58d2977 100.0 /2"])
    #expect(
      Self.edges(Self.read("joint-ownership.json")) == [
        "91b4236a7d89 → 31c55e425764 100.0 /2", "1accb8b18b99 → 91b4236a7d89 50.0 /5",
        "f040df24d9ec → 91b4236a7d89 50.0 /6",
      ])
    // Person 1's indirect 30 % and unknown interest are attributes, never owns edges.
    let indirect = Self.read("indirect-ownership.json")
    #expect(Self.edges(indirect) == ["d4ab89ea169a → ad3f6c2fcc9e 60.0 /3"])
    #expect(
      indirect.entities.contains {
        $0.id == "ad3f6c2fcc9e" && $0.attributes.contains(Attribute("bods.indirect_owner.c25d4d612c2c", "30%"))
      })
    // History: Maria Esteves' holding went 100 → 40 → 30 → closed; Shear Trust's 60 → 70 → 80.
    let tecido = Self.read("tecido.json")
    #expect(Self.edges(tecido) == ["033E84672B → 01B68D7633 80.0 /10"])
    #expect(!tecido.entities.contains { $0.id == "018AF6B3EB" })
    #expect(InterchangeTestSupport.rules(tecido).contains("info bods-history"))
  }

  @Test func rangesFollowThePolicy() {
    // {"minimum": 75, "exclusiveMaximum": 100}
    #expect(Self.read("bods-package-entity-owning-entity.json").relationships.first?.share == 75)
    #expect(Self.read("bods-package-entity-owning-entity.json", policy: .maximum).relationships.first?.share == 100)
    #expect(Self.read("bods-package-entity-owning-entity.json", policy: .midpoint).relationships.first?.share == 87.5)
  }

  @Test func personsAreOfKindPerson() {
    let inputs = Self.read("bods-package.json")
    let person = inputs.entities.first { $0.id == "10478c6cf6de" }
    #expect(person?.kind == .person)
    #expect(person?.name == "Jennifer Hewitson-Smith")
  }
}

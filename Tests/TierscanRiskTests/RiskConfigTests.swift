import Foundation
import Testing
import TierscanCore
@testable import TierscanRisk

@Suite struct RiskConfigTests {
  @Test func defaultsAreTheSpecValues() {
    let c = RiskConfig.defaults
    #expect(c.categories == ["forced_labour", "child_labour", "conflict_minerals"])
    #expect(c.supplies == .init(direction: .forward, factor: 1.0))
    #expect(c.subcontracts == .init(direction: .forward, factor: 1.0))
    #expect(c.operates == .init(direction: .backward, factor: 1.0))
    #expect(c.owns == .init(direction: .backward, factor: 1.0))
    #expect(c.controlShare == 50)
    #expect([c.observedConfidence, c.declaredConfidence, c.inferredConfidence] == [1.0, 0.9, 0.5])
    #expect(c.hopDecay == 0.85)
    #expect(c.maxDepth == 10)
    #expect(c.levels == .init(critical: 0.8, high: 0.6, medium: 0.35))
    #expect([c.identifierMatchScore, c.nameCountryMatchScore, c.nameOnlyMatchScore] == [1.0, 1.0, 0.7])
    #expect([c.conformantScore, c.activeScore, c.nonConformantScore, c.unknownStatusScore] == [0.0, 0.3, 1.0, 0.6])
    #expect([c.ilabChildLabourScore, c.ilabForcedLabourScore] == [0.7, 0.7])
    #expect(c.legalForms == NameNormalizer.defaultLegalForms)
  }

  @Test func shippedFileEqualsTheConstant() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/default-config.json")
    let file = try Data(contentsOf: url)
    #expect(Array(file) == Array(DefaultRiskConfig.json.utf8))
  }

  @Test func partialFileOverridesDefaults() throws {
    let c = try RiskConfig.parse(#"{"edges": {"owns": {"factor": 0.5}}, "categories": ["x"], "max_depth": 3}"#)
    #expect(c.owns == .init(direction: .backward, factor: 0.5))
    #expect(c.supplies == .init(direction: .forward, factor: 1.0))
    #expect(c.categories == ["x"])
    #expect(c.maxDepth == 3)
    #expect(c.hopDecay == 0.85)
  }

  @Test func theDuplicateSearchHasItsOwnBlockCap() throws {
    let defaults = try RiskConfig.parse("{}")
    #expect(defaults.matching.maxBlock == 500)
    #expect(defaults.matching.duplicatesMaxBlock == 100)
    let given = try RiskConfig.parse(#"{"matching": {"duplicates_max_block": 7}}"#)
    #expect(given.matching.duplicatesMaxBlock == 7)
    #expect(given.matching.maxBlock == 500)
  }

  @Test func legalFormsReplaceTheList() throws {
    let c = try RiskConfig.parse(#"{"legal_forms": ["holdings"]}"#)
    #expect(c.normalizer.normalize("Foo Holdings") == "foo")
    #expect(c.normalizer.normalize("Foo Ltd") == "foo ltd")
  }

  @Test(arguments: [
    (#"{"edgez": {}}"#, RiskConfigError.unknownKey(path: "edgez")),
    (#"{"edges": {"supplies": {"weight": 1}}}"#, .unknownKey(path: "edges.supplies.weight")),
    (#"{"edges": {"supplies": {"factor": 1.5}}}"#, .outOfRange(path: "edges.supplies.factor", value: 1.5, range: "[0, 1]")),
    (#"{"hop_decay": 0}"#, .outOfRange(path: "hop_decay", value: 0, range: "(0, 1]")),
    (#"{"control_share": 101}"#, .outOfRange(path: "control_share", value: 101, range: "(0, 100]")),
    (#"{"max_depth": 1.5}"#, .outOfRange(path: "max_depth", value: 1.5, range: "integers 0 ... 1000000")),
    (#"{"max_depth": -1}"#, .outOfRange(path: "max_depth", value: -1, range: "integers 0 ... 1000000")),
    (#"{"levels": {"medium": 0.7}}"#, .invalid(path: "levels.medium", message: "0.7 is above levels.high 0.6")),
    (#"{"levels": {"high": 0.9}}"#, .invalid(path: "levels.high", message: "0.9 is above levels.critical 0.8")),
    (#"{"levels": {"medium": 0}}"#, .outOfRange(path: "levels.medium", value: 0, range: "(0, 1]")),
    (#"{"hop_decay": "0.8"}"#, .wrongType(path: "hop_decay", expected: "a number")),
    (#"{"edges": 3}"#, .wrongType(path: "edges", expected: "an object")),
    (#"{"edges": {"owns": {"direction": "up"}}}"#,
     .invalid(path: "edges.owns.direction", message: "'up' is not forward, backward, both or none")),
    (#"{"categories": ["a", "a"]}"#, .invalid(path: "categories[1]", message: "duplicate category 'a'")),
    (#"{"legal_forms": ["a", 1]}"#, .wrongType(path: "legal_forms[1]", expected: "a string")),
    (#"{"basis_confidence": {"declared": -0.1}}"#,
     .outOfRange(path: "basis_confidence.declared", value: -0.1, range: "[0, 1]")),
    (#"{"matching": {"duplicates_max_block": 0}}"#,
     .outOfRange(path: "matching.duplicates_max_block", value: 0, range: "integers 1 ... 1000000000")),
  ])
  func rejectsBadValues(json: String, expected: RiskConfigError) {
    #expect(throws: expected) { try RiskConfig.parse(json) }
  }

  @Test func nanIsNotJSON() {
    do {
      _ = try RiskConfig.parse("{\n  \"hop_decay\": NaN\n}")
      Issue.record("NaN accepted")
    } catch {
      guard case .syntax(let line, let column, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(line == 2)
      #expect(column == 16)
      #expect(error.description.hasPrefix("2:16: invalid JSON"))
    }
  }

  @Test func levelsUseTheTolerance() {
    let c = RiskConfig.defaults
    #expect(c.level(of: 0.8 - 1e-13) == .critical)
    #expect(c.level(of: 0.8 - 1e-11) == .high)
    #expect(c.level(of: 0.6) == .high)
    #expect(c.level(of: 0.35) == .medium)
    #expect(c.level(of: 0.3) == .low)
    #expect(c.level(of: 0) == nil)
  }

  @Test func effectiveJSONIsCanonical() throws {
    let text = try RiskConfig.effectiveJSON(bytes: Array(#"{"max_depth": 4}"#.utf8))
    #expect(text.contains("\"max_depth\": 4,"))
    #expect(text.hasPrefix("{\n  \"categories\": [\n    \"forced_labour\","))
  }
}

@Suite struct LoadedRiskConfigTests {
  @Test func digestIsOfTheBytesAsGiven() throws {
    let bytes = Array("{\"max_depth\": 2}\n".utf8)
    let loaded = try LoadedRiskConfig(bytes: bytes)
    #expect(loaded.config.maxDepth == 2)
    #expect(loaded.sha256 == SHA256.hexDigest(of: bytes))
    let defaults = try LoadedRiskConfig(bytes: nil)
    #expect(defaults.config == RiskConfig.defaults)
    #expect(defaults.sha256 == SHA256.hexDigest(of: Array(DefaultRiskConfig.json.utf8)))
    // The canonical form of the defaults parses back to the same configuration.
    #expect(try RiskConfig.parse(defaults.canonicalJSON) == RiskConfig.defaults)
  }
}

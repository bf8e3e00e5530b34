import Foundation
import Testing

/// Every output of every command on the samples and fixtures, byte for byte (issue #13's "golden
/// files"): each case of `Tests/Golden/cases.txt` runs the built binary from the repository root
/// and its exit status, stdout, stderr and every file under its output directory must equal
/// `Tests/Golden/NAME/`. A refactor that changes a byte fails here; an intended change is
/// recorded with `Scripts/update-golden.sh` and reviewed as a diff.
@Suite struct GoldenOutputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let golden = TierscanBinary.root.appendingPathComponent("Tests/Golden")

  static let cases: [Case] = {
    guard let text = try? String(contentsOf: golden.appendingPathComponent("cases.txt"), encoding: .utf8) else {
      return []
    }
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let words = line.split(separator: " ").map(String.init)
      guard let name = words.first else { return nil }
      let out = ".build/golden/\(name)"
      return Case(name: name, arguments: words.dropFirst().map { $0.replacingOccurrences(of: "{out}", with: out) })
    }
  }()

  @Test func theCaseListIsRead() {
    #expect(Self.cases.count >= 10, "Tests/Golden/cases.txt missing or nearly empty")
  }

  @Test(arguments: cases)
  func outputsEqualTheGoldenFiles(_ testCase: Case) throws {
    let out = TierscanBinary.root.appendingPathComponent(".build/golden/\(testCase.name)")
    try? FileManager.default.removeItem(at: out)
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let result = try HostileRunner.run(testCase.arguments, seconds: 300)
    let expected = Self.golden.appendingPathComponent(testCase.name)
    #expect(!result.timedOut)
    #expect("\(result.status)\n" == (try? String(contentsOf: expected.appendingPathComponent("status"), encoding: .utf8)))
    #expect(result.stdout == (try String(contentsOf: expected.appendingPathComponent("stdout"), encoding: .utf8)))
    #expect(result.stderr == (try String(contentsOf: expected.appendingPathComponent("stderr"), encoding: .utf8)))
    let written = Self.files(under: out)
    let wanted = Self.files(under: expected.appendingPathComponent("out"))
    #expect(written == wanted, "files written differ from Tests/Golden/\(testCase.name)/out")
    for file in written where wanted.contains(file) {
      let actual = try Data(contentsOf: out.appendingPathComponent(file))
      let golden = try Data(contentsOf: expected.appendingPathComponent("out").appendingPathComponent(file))
      #expect(actual == golden, "\(testCase.name)/out/\(file) differs (Scripts/update-golden.sh records an intended change)")
    }
  }

  /// The relative paths of the regular files under `directory`, sorted.
  static func files(under directory: URL) -> [String] {
    guard let walk = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
      return []
    }
    let base = directory.standardizedFileURL.path + "/"
    return walk.compactMap { item -> String? in
      guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
        return nil
      }
      return String(url.standardizedFileURL.path.dropFirst(base.count))
    }.sorted()
  }
}

import Foundation
import TierscanTestSupport

/// The hostile-input corpus (Tests/Fixtures/hostile) and its manifest `EXPECTED.tsv`.
///
/// Files under `generated/` are too big to commit; they are written once per test process into
/// a temporary directory (a 50 MB field, a 1 MB header, a 6 MB record, 80,000 aliases and
/// 100,000-level XML nesting, a 100 MB JSON string).
enum HostileCorpus {
  /// One run of the binary over one hostile file.
  struct Case: Sendable, CustomStringConvertible {
    /// Path relative to the corpus directory (`csv/empty.csv`, `generated/big-field.csv`).
    var file: String
    /// `validate`, `scan` or `config`.
    var command: String
    var expectedStatus: Int32
    /// `severity:rule` that must appear at the file's location, or `nil` for none.
    var expectedFinding: (severity: String, rule: String)?
    var extraArguments: [String]

    var description: String { "\(command) \(file) \(extraArguments.joined(separator: " "))" }
  }

  static let directory = TierscanBinary.root.appendingPathComponent("Tests/Fixtures/hostile")
  /// The valid inputs every scan reads besides the hostile file (so the focus exists).
  static let validInputs = "Tests/Fixtures/csv/valid"

  /// Every manifest row, in file order.
  static let cases: [Case] = {
    guard let text = try? String(contentsOf: directory.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8) else {
      return []
    }
    return text.split(separator: "\n").compactMap { line -> Case? in
      if line.hasPrefix("#") { return nil }
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard columns.count >= 4, let status = Int32(columns[2]) else { return nil }
      var finding: (String, String)?
      if columns[3] != "-" {
        let parts = columns[3].split(separator: ":", maxSplits: 1).map(String.init)
        finding = (parts[0], parts.count > 1 ? parts[1] : "")
      }
      let extra = columns.count > 4 ? columns[4].split(separator: " ").map(String.init) : []
      return Case(file: columns[0], command: columns[1], expectedStatus: status, expectedFinding: finding, extraArguments: extra)
    }
  }()

  /// Every committed corpus file (relative paths), sorted.
  static func committedFiles() -> [String] {
    var files: [String] = []
    for folder in ["csv", "xml", "xlsx", "config", "json", "fuzz-regressions"] {
      let url = directory.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      files += names.filter { !$0.hasSuffix(".md") }.map { "\(folder)/\($0)" }
    }
    return files.sorted()
  }

  /// The path to give the binary (relative to the repository root for committed files).
  static func path(of file: String) -> String {
    if file.hasPrefix("generated/") { return generated.appendingPathComponent(String(file.dropFirst(10))).path }
    return "Tests/Fixtures/hostile/" + file
  }

  /// The arguments of one case.
  static func arguments(for testCase: Case) -> [String] {
    let path = path(of: testCase.file)
    switch testCase.command {
    case "validate": return ["validate", path] + testCase.extraArguments
    case "config": return ["scan", validInputs, "--focus", "ACME", "--config", path] + testCase.extraArguments
    default: return ["scan", validInputs, path, "--focus", "ACME"] + testCase.extraArguments
    }
  }

  /// The directory of generated files, written on first use.
  static let generated: URL = {
    let directory = TestScratch.directory.appendingPathComponent(
      "tierscan-hostile-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    func write(_ name: String, _ build: (inout [UInt8]) -> Void) {
      var bytes: [UInt8] = []
      build(&bytes)
      let created = FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data(bytes))
      precondition(created, "cannot create the hostile-corpus file \(name)")
    }
    // One 50 MB field (limit 1 MiB).
    write("big-field.csv") { bytes in
      bytes += Array("id,name,country\nS1,".utf8)
      bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
      bytes += Array(",CN\nS2,Fine Co,CN\n".utf8)
    }
    // A 1 MB header of distinct column names, then a row with 2 fields.
    write("big-header.csv") { bytes in
      bytes += Array("id,name".utf8)
      var column = 0
      while bytes.count < 1 << 20 {
        bytes += Array(",column_\(column)".utf8)
        column += 1
      }
      bytes += Array("\nS1,Acme\n".utf8)
    }
    // A 6 MB record of ten 600 KB fields (record limit 4 MiB, field limit 1 MiB).
    write("big-record.csv") { bytes in
      bytes += Array("id,name,c1,c2,c3,c4,c5,c6,c7,c8\nS1".utf8)
      for _ in 0..<9 {
        bytes.append(UInt8(ascii: ","))
        bytes += [UInt8](repeating: UInt8(ascii: "y"), count: 600 << 10)
      }
      bytes += Array("\n".utf8)
    }
    // 80,000 aliases (under the 1 MiB field limit) and 50,000 commodities on one entity (the merge must stay linear).
    write("many-aliases.csv") { bytes in
      bytes += Array("id,name,aliases,commodities\nMANY,Many Co,".utf8)
      bytes += Array((0..<80_000).map { "alias\($0)" }.joined(separator: ";").utf8)
      bytes.append(UInt8(ascii: ","))
      bytes += Array((0..<50_000).map { "c\($0)" }.joined(separator: ";").utf8)
      bytes += Array("\n".utf8)
    }
    // 100,000 nested suppliers.
    write("deep-100k.xml") { bytes in
      bytes += Array(
        "<?xml version=\"1.0\"?>\n<disclosure xmlns=\"urn:tierscan:disclosure:1\"><discloser id=\"ACME\"/>".utf8)
      for _ in 0..<100_000 { bytes += Array("<supplier id=\"S\">".utf8) }
      for _ in 0..<100_000 { bytes += Array("</supplier>".utf8) }
      bytes += Array("</disclosure>\n".utf8)
    }
    // An OMTS node name of 100 MB (JSON string limit 1 MiB).
    write("big-string.omts") { bytes in
      bytes += Array("{\"omts_version\": \"0.1.0\", \"nodes\": [{\"id\": \"org-a\", \"type\": \"organization\", \"name\": \"".utf8)
      bytes += [UInt8](repeating: UInt8(ascii: "z"), count: 100 << 20)
      bytes += Array("\"}], \"edges\": []}\n".utf8)
    }
    // Issue #14: 100,000 attributes on one element, 200,000 namespace prefixes on the root
    // (libxml2 2.9 checks attributes pairwise: quadratic without the attribute limit).
    write("attributes-100k.xml") { bytes in
      bytes += Array("<?xml version=\"1.0\"?>\n<disclosure xmlns=\"urn:tierscan:disclosure:1\"><discloser id=\"ACME\"".utf8)
      for i in 0..<100_000 { bytes += Array(" a\(i)=\"x\"".utf8) }
      bytes += Array("/></disclosure>\n".utf8)
    }
    write("namespaces-200k.xml") { bytes in
      bytes += Array("<?xml version=\"1.0\"?>\n<disclosure xmlns=\"urn:tierscan:disclosure:1\"".utf8)
      for i in 0..<200_000 { bytes += Array(" xmlns:p\(i)=\"urn:x\(i)\"".utf8) }
      bytes += Array("><discloser id=\"ACME\"/></disclosure>\n".utf8)
    }
    return directory
  }()
}

import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanTestSupport

@Suite struct InputSetTests {
  /// A fresh temporary directory tree; `files` are relative paths created with small contents.
  private func tree(_ files: [String]) throws -> String {
    let root = TestScratch.directory.appendingPathComponent("tierscan-inputset-\(UUID().uuidString)").path
    for file in files {
      let path = root + "/" + file
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data("id,name\n".utf8).write(to: URL(fileURLWithPath: path))
    }
    return root
  }

  @Test func directoryExpandsOverTheWholeTreeInByteOrder() throws {
    let root = try tree(["b.csv", "a/z.csv", "a.csv", "a-b.csv", "B.csv", "a/b/c.xml", "é.csv", "e.csv"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = InputSet(arguments: [root + "/"])
    let expected = ["B.csv", "a-b.csv", "a.csv", "a/b/c.xml", "a/z.csv", "b.csv", "e.csv", "é.csv"]
    #expect(set.files.map(\.displayPath) == expected.map { root + "/" + $0 })
    #expect(set.findings.findings.isEmpty)
  }

  @Test func dotfilesAndLockFilesAreSkippedWithInfo() throws {
    let root = try tree(["x.csv", ".hidden.csv", "~$book.xlsx", ".git/config.csv", "sub/.DS_Store"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let other = try tree(["~$other.csv"])
    defer { try? FileManager.default.removeItem(atPath: other) }
    let set = InputSet(arguments: [root, other + "/~$other.csv"])
    #expect(set.files.map(\.displayPath) == [root + "/x.csv"])
    #expect(
      set.findings.findings.map(\.description) == [
        "\(root)/.git: info: skipped-file: dotfile or lock file skipped",
        "\(root)/.hidden.csv: info: skipped-file: dotfile or lock file skipped",
        "\(root)/sub/.DS_Store: info: skipped-file: dotfile or lock file skipped",
        "\(root)/~$book.xlsx: info: skipped-file: dotfile or lock file skipped",
        "\(other)/~$other.csv: info: skipped-file: dotfile or lock file skipped",
      ])
  }

  @Test func argumentsKeepCommandLineOrderAndFilesAreReadOnce() throws {
    let root = try tree(["d/1.csv", "d/2.csv", "z.csv"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = InputSet(arguments: [root + "/z.csv", root + "/d", root + "/d/../d/1.csv", root + "/missing.csv"])
    #expect(set.files.map(\.displayPath) == [root + "/z.csv", root + "/d/1.csv", root + "/d/2.csv"])
    #expect(
      set.findings.findings.map(\.description) == [
        "\(root)/d/../d/1.csv: info: duplicate-input: same file as '\(root)/d/1.csv' (same device and inode); read once",
        "\(root)/missing.csv: error: missing-input: no such file or directory",
      ])
  }

  @Test func displayPathsStayRelative() throws {
    let root = try tree(["rel/a.csv"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let previous = FileManager.default.currentDirectoryPath
    try #require(FileManager.default.changeCurrentDirectoryPath(root))
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    #expect(InputSet(arguments: ["rel"]).files.map(\.displayPath) == ["rel/a.csv"])
    #expect(InputSet(arguments: ["./rel/"]).files.map(\.displayPath) == ["./rel/a.csv"])
  }
}

import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Issue #14, classes 2–4: what an input directory may hold besides regular files. Every entry is
/// read or reported; nothing outside the tree is read; nothing but a regular file is opened.
@Suite struct InputSetHostileTests {
  /// A fresh directory holding `inside.csv`, with `outside.csv` beside it (outside the tree).
  private func workspace() throws -> (root: String, tree: String) {
    let root = TestScratch.directory.appendingPathComponent("tierscan-hostile-tree-\(UUID().uuidString)").path
    let tree = root + "/in"
    try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
    try Data("id,name\nIN,Inside\n".utf8).write(to: URL(fileURLWithPath: tree + "/inside.csv"))
    try Data("id,name\nOUT,Outside\n".utf8).write(to: URL(fileURLWithPath: root + "/outside.csv"))
    return (root, tree)
  }

  private func remove(_ root: String) {
    // `rm -rf` works below PATH_MAX by descriptor; FileManager does not.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/rm")
    process.arguments = ["-rf", root]
    try? process.run()
    process.waitUntilExit()
  }

  private func rules(_ set: InputSet) -> [String] { set.findings.findings.map { "\($0.severity.rawValue):\($0.rule)" } }

  @Test func symbolicLinksInsideADirectoryAreReportedNotFollowed() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    let fm = FileManager.default
    try fm.createSymbolicLink(atPath: tree + "/a-passwd.csv", withDestinationPath: "/etc/passwd")
    try fm.createSymbolicLink(atPath: tree + "/b-outside.csv", withDestinationPath: "../outside.csv")
    try fm.createSymbolicLink(atPath: tree + "/c-inside-again.csv", withDestinationPath: "inside.csv")
    try fm.createSymbolicLink(atPath: tree + "/d-dangling.csv", withDestinationPath: "nowhere/missing.csv")
    try fm.createSymbolicLink(atPath: tree + "/e-dir", withDestinationPath: root)
    let set = InputSet(arguments: [tree])
    #expect(set.files.map(\.displayPath) == [tree + "/inside.csv"])
    #expect(rules(set) == Array(repeating: "warning:symlink-not-followed", count: 5))
    let messages = set.findings.findings.map(\.description)
    #expect(messages[0] == "\(tree)/a-passwd.csv: warning: symlink-not-followed: symbolic link to '/etc/passwd' not followed (links inside an input directory are never read); name its target on the command line to read it")
    #expect(messages[3].contains("'nowhere/missing.csv'"))
  }

  @Test func aLinkNamedOnTheCommandLineIsFollowedAndADanglingOneIsMissing() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    try FileManager.default.createSymbolicLink(atPath: root + "/link.csv", withDestinationPath: "outside.csv")
    try FileManager.default.createSymbolicLink(atPath: root + "/dangling.csv", withDestinationPath: "gone.csv")
    let set = InputSet(arguments: [root + "/link.csv", root + "/outside.csv", root + "/dangling.csv", tree])
    #expect(set.files.map(\.displayPath) == [root + "/link.csv", tree + "/inside.csv"])
    #expect(rules(set) == ["info:duplicate-input", "error:missing-input"])
    #expect(set.findings.findings[1].message == "symbolic link to 'gone.csv', which does not exist")
  }

  @Test func aHardLinkedSecondNameIsReadOnce() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    try FileManager.default.linkItem(atPath: tree + "/inside.csv", toPath: tree + "/z-second-name.csv")
    let set = InputSet(arguments: [tree, root + "/outside.csv"])
    #expect(set.files.map(\.displayPath) == [tree + "/inside.csv", root + "/outside.csv"])
    #expect(
      set.findings.findings.map(\.description) == [
        "\(tree)/z-second-name.csv: info: duplicate-input: same file as '\(tree)/inside.csv' (same device and inode); read once"
      ])
    // And the relationships of the file count once.
    let inputs = Ingestor().read(arguments: [tree])
    #expect(inputs.entities.count == 1)
  }

  @Test func fifosAndDevicesAreNeverOpened() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    #expect(mkfifo(tree + "/pipe.csv", 0o600) == 0)
    #expect(mkfifo(root + "/direct.csv", 0o600) == 0)
    let set = InputSet(arguments: [tree, root + "/direct.csv", "/dev/zero", "/dev/null"])
    #expect(set.files.map(\.displayPath) == [tree + "/inside.csv"])
    #expect(
      set.findings.findings.map(\.description) == [
        "\(tree)/pipe.csv: error: not-a-regular-file: a FIFO (named pipe), not a regular file; never opened",
        "\(root)/direct.csv: error: not-a-regular-file: a FIFO (named pipe), not a regular file; never opened",
        "/dev/zero: error: not-a-regular-file: a character device, not a regular file; never opened",
        "/dev/null: error: not-a-regular-file: a character device, not a regular file; never opened",
      ])
    // Reading them finishes (a FIFO with no writer would block an open without O_NONBLOCK).
    let inputs = Ingestor().read(arguments: [tree, root + "/direct.csv", "/dev/zero"])
    #expect(inputs.findings.findings.filter { $0.rule == .notARegularFile }.count == 3)
  }

  @Test func aFIFOSwappedInAfterListingIsRefusedWhenOpened() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    let set = InputSet(arguments: [tree])
    try FileManager.default.removeItem(atPath: tree + "/inside.csv")
    #expect(mkfifo(tree + "/inside.csv", 0o600) == 0)
    let result = Ingestor().read(file: set.files[0])
    #expect(result.findings.findings.map(\.rule) == [.notARegularFile])
  }

  @Test func aFileReplacedAfterListingIsAFinding() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    let set = InputSet(arguments: [tree])
    // A second name keeps the listed inode alive, so no later file can reuse its number.
    try FileManager.default.linkItem(atPath: tree + "/inside.csv", toPath: root + "/keep.csv")
    try FileManager.default.removeItem(atPath: tree + "/inside.csv")
    try FileManager.default.createSymbolicLink(atPath: tree + "/inside.csv", withDestinationPath: root + "/outside.csv")
    let linked = Ingestor().read(file: set.files[0])
    #expect(linked.findings.findings.map(\.rule) == [.unreadableFile])
    #expect(linked.entities.isEmpty)
    // A new file renamed over the name (it has another inode while the old one still exists).
    try Data("id,name\nNEW,New\n".utf8).write(to: URL(fileURLWithPath: root + "/new.csv"))
    #expect(rename(root + "/new.csv", tree + "/inside.csv") == 0)
    let replaced = Ingestor().read(file: set.files[0])
    #expect(replaced.findings.findings.map(\.rule) == [.fileChanged])
  }

  /// JSON inputs (BODS, FtM, OMTS) are opened like every other input: before, they were read by
  /// path, so a link swapped in after listing was followed and a FIFO blocked the open.
  @Test func jsonInputsSwappedAfterListingAreRefusedWhenOpened() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    let ftm = #"{"id":"F1","schema":"Company","properties":{"name":["Inside"]}}"# + "\n"
    try Data(ftm.utf8).write(to: URL(fileURLWithPath: tree + "/inside.jsonl"))
    try Data(#"{"omts_version":"0.1","nodes":[],"edges":[]}"#.utf8).write(to: URL(fileURLWithPath: tree + "/inside.omts"))
    try Data(ftm.replacingOccurrences(of: "Inside", with: "Outside").utf8).write(to: URL(fileURLWithPath: root + "/outside.jsonl"))
    let set = InputSet(arguments: [tree])
    let listed = Dictionary(uniqueKeysWithValues: set.files.map { (($0.displayPath as NSString).lastPathComponent, $0) })
    let jsonl = try #require(listed["inside.jsonl"])
    let omts = try #require(listed["inside.omts"])
    let intact = Ingestor().read(file: jsonl)
    #expect(intact.files.map(\.kind) == [.ftm])
    #expect(intact.files.first?.recordsRead == 1)
    // A link to a file outside the tree is not followed.
    for name in ["inside.jsonl", "inside.omts"] {
      try FileManager.default.linkItem(atPath: tree + "/" + name, toPath: root + "/keep-" + name)
      try FileManager.default.removeItem(atPath: tree + "/" + name)
      try FileManager.default.createSymbolicLink(atPath: tree + "/" + name, withDestinationPath: root + "/outside.jsonl")
    }
    for file in [jsonl, omts] {
      let linked = Ingestor().read(file: file)
      #expect(linked.findings.findings.map(\.rule) == [.unreadableFile])
      #expect(linked.entities.isEmpty)
    }
    // A FIFO swapped in is refused at once (its open does not block).
    try FileManager.default.removeItem(atPath: tree + "/inside.jsonl")
    #expect(mkfifo(tree + "/inside.jsonl", 0o600) == 0)
    #expect(Ingestor().read(file: jsonl).findings.findings.map(\.rule) == [.notARegularFile])
  }

  @Test func aNameThatIsNotUTF8IsReported() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    let name: [CChar] = Array((tree + "/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x2E, 0x63, 0x73, 0x76, 0]
    let descriptor = open(name, O_WRONLY | O_CREAT, 0o600)
    #expect(descriptor >= 0)
    close(descriptor)
    let set = InputSet(arguments: [tree])
    #expect(set.files.map(\.displayPath) == [tree + "/inside.csv"])
    #expect(
      set.findings.findings.map(\.description) == [
        "\(tree)/bad-\u{FFFD}.csv: error: invalid-file-name: the name is not valid UTF-8 (shown with U+FFFD); not read: rename it to read it"
      ])
  }

  @Test func aPathTooLongToOpenIsReported() throws {
    let (root, tree) = try workspace()
    defer { remove(root) }
    // 25 levels of 200-byte names: over 5,000 bytes, beyond PATH_MAX; built by descriptor.
    let segment = String(repeating: "d", count: 200)
    var directory = open(tree, O_RDONLY | O_DIRECTORY)
    for _ in 0..<25 {
      #expect(mkdirat(directory, segment, 0o700) == 0)
      let next = openat(directory, segment, O_RDONLY | O_DIRECTORY)
      close(directory)
      directory = next
    }
    let file = openat(directory, "deep.csv", O_WRONLY | O_CREAT, 0o600)
    #expect(file >= 0)
    close(file)
    close(directory)
    let set = InputSet(arguments: [tree])
    #expect(set.files.map(\.displayPath) == [tree + "/inside.csv"])
    #expect(rules(set) == ["error:path-too-long"])
    #expect(set.findings.findings[0].message.contains("longer than 4095; not read"))
  }

  @Test func anEmptyPathIsMissing() {
    let set = InputSet(arguments: [""])
    #expect(set.files.isEmpty)
    #expect(rules(set) == ["error:missing-input"])
  }
}

import Foundation
import TierscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the regular files below one directory argument without following a symbolic link or
/// opening anything but directories (see ``InputSet`` for the rules), and reports every entry it
/// does not list.
///
/// Entries are examined with `lstat` only; names are read as raw bytes, so a name that is not
/// valid UTF-8 is seen (and reported) rather than lost. The walk keeps an explicit stack, so a
/// deep tree costs memory, not native stack.
///
/// - Complexity: O(entries · log entries) for the final sort.
struct DirectoryWalk {
  let root: String
  /// Regular files: the path below `root` and the file's identity, sorted by UTF-8 bytes.
  private(set) var files: [(relative: String, identity: FileIdentity)] = []
  /// Findings about entries not listed, sorted by path.
  private(set) var findings = FindingLog()

  init(root: String) {
    self.root = root
  }

  /// Walks the tree below `root`, whose identity is `rootIdentity`.
  mutating func run(from rootIdentity: FileIdentity) {
    var reported: [(relative: String, finding: Finding)] = []
    func report(_ relative: String, _ severity: Severity, _ rule: FindingRule, _ message: String) {
      let shown = relative.isEmpty ? root : InputSet.join(root, relative)
      reported.append((relative, Finding(severity, rule, at: Provenance(file: InputSet.shortened(shown)), message)))
    }
    var directories: Set<FileIdentity> = [rootIdentity]
    var pending = [""]
    while let directory = pending.popLast() {
      let path = directory.isEmpty ? root : InputSet.join(root, directory)
      guard let names = Self.names(in: path) else {
        report(directory, .error, .unreadableFile, "cannot list the directory (\(String(cString: strerror(errno))))")
        continue
      }
      for raw in names {
        let decoded = String(validating: raw, as: UTF8.self)
        let name = decoded ?? String(decoding: raw, as: UTF8.self)
        let relative = directory.isEmpty ? name : directory + "/" + name
        if raw.first == UInt8(ascii: ".") || InputSet.isSkipped(name: name) {
          report(relative, .info, .skippedFile, "dotfile or lock file skipped")
          continue
        }
        guard decoded != nil else {
          report(
            relative, .error, .invalidFileName,
            "the name is not valid UTF-8 (shown with U+FFFD); not read: rename it to read it")
          continue
        }
        let full = InputSet.join(root, relative)
        guard full.utf8.count <= InputSet.maxPathBytes else {
          report(
            relative, .error, .pathTooLong,
            "path of \(full.utf8.count) bytes is longer than \(InputSet.maxPathBytes); not read")
          continue
        }
        var status = stat()
        guard lstat(full, &status) == 0 else {
          report(relative, .error, .unreadableFile, "cannot examine the entry (\(String(cString: strerror(errno))))")
          continue
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
          files.append((relative, FileIdentity(status)))
        case S_IFDIR:
          if directories.insert(FileIdentity(status)).inserted {
            pending.append(relative)
          } else {
            report(relative, .warning, .directoryLoop, "directory already listed (a mount loops back); not listed again")
          }
        case S_IFLNK:
          report(
            relative, .warning, .symlinkNotFollowed,
            "symbolic link to '\(InputSet.linkTarget(full))' not followed (links inside an input directory are never "
              + "read); name its target on the command line to read it")
        default:
          report(
            relative, .error, .notARegularFile, "\(InputSet.kindName(status.st_mode)), not a regular file; never opened")
        }
      }
    }
    files.sort { $0.relative.utf8Precedes($1.relative) }
    for entry in reported.sorted(by: { $0.relative.utf8Precedes($1.relative) }) { findings.add(entry.finding) }
  }

  /// The entry names of a directory as raw bytes (without `.` and `..`), or `nil` (with `errno`)
  /// when it cannot be listed.
  private static func names(in path: String) -> [[UInt8]]? {
    guard let handle = opendir(path) else { return nil }
    defer { closedir(handle) }
    var names: [[UInt8]] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer -> [UInt8] in
        Array(buffer.prefix { $0 != 0 })
      }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      names.append(name)
    }
    return names
  }
}

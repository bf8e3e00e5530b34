import Foundation
import TierscanCore

/// The input files named by command-line arguments, expanded in model §1 input order.
///
/// Arguments are taken in order. A directory expands to every file below it, over the whole
/// tree, ordered by the UTF-8 bytes of the path below it; its display path is the argument
/// joined with that relative path (never made absolute). Files and directories whose name
/// starts with `.` or `~$` (dotfiles, editor and Excel lock files) are skipped with an info
/// finding `skipped-file`; a hidden directory is skipped whole. Symbolic links to directories
/// inside a tree are not followed. A file reached twice (same resolved real path) is read once,
/// with an info finding `duplicate-input`. A missing path is an error finding `missing-input`.
public struct InputSet: Sendable {
  /// The files to read, in input order.
  public private(set) var files: [InputFile] = []
  /// Findings from the expansion (skipped, duplicate and missing inputs), in argument order.
  public private(set) var findings = FindingLog()

  /// Expands `arguments` (files or directories) in order.
  public init(arguments: [String]) {
    var seen = Set<String>()
    let manager = FileManager.default
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        findings.add(.error, "missing-input", at: Provenance(file: argument), "no such file or directory")
        continue
      }
      if isDirectory.boolValue {
        for relative in Self.files(below: argument, findings: &findings) {
          add(InputFile(path: Self.join(argument, relative)), seen: &seen)
        }
      } else if Self.isSkipped(name: (argument as NSString).lastPathComponent) {
        findings.add(.info, "skipped-file", at: Provenance(file: argument), "dotfile or lock file skipped")
      } else {
        add(InputFile(path: argument), seen: &seen)
      }
    }
  }

  private mutating func add(_ file: InputFile, seen: inout Set<String>) {
    let real = Self.realPath(file.displayPath)
    guard seen.insert(real).inserted else {
      findings.add(.info, "duplicate-input", at: Provenance(file: file.displayPath), "file already read; read once")
      return
    }
    files.append(file)
  }

  /// Whether a file or directory name marks a dotfile or lock file.
  public static func isSkipped(name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("~$") }

  /// The argument joined with a relative path, with exactly one `/` between them.
  static func join(_ argument: String, _ relative: String) -> String {
    argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
  }

  /// Relative paths of the regular files below `root`, sorted by UTF-8 bytes.
  private static func files(below root: String, findings: inout FindingLog) -> [String] {
    var result: [String] = []
    var skipped: [String] = []
    var pending = [""]
    let manager = FileManager.default
    while let directory = pending.popLast() {
      let path = directory.isEmpty ? root : join(root, directory)
      guard let names = try? manager.contentsOfDirectory(atPath: path) else {
        findings.add(.error, "unreadable-file", at: Provenance(file: path), "cannot list the directory")
        continue
      }
      for name in names {
        let relative = directory.isEmpty ? name : directory + "/" + name
        if isSkipped(name: name) {
          skipped.append(relative)
          continue
        }
        let full = join(root, relative)
        var isDirectory: ObjCBool = false
        let isLink = (try? manager.destinationOfSymbolicLink(atPath: full)) != nil
        guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
          if !isLink { pending.append(relative) }
        } else {
          result.append(relative)
        }
      }
    }
    for relative in skipped.sorted(by: { $0.utf8Precedes($1) }) {
      findings.add(.info, "skipped-file", at: Provenance(file: join(root, relative)), "dotfile or lock file skipped")
    }
    return result.sorted { $0.utf8Precedes($1) }
  }

  private static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

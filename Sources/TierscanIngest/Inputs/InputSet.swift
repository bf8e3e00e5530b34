import Foundation
import TierscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The input files named by command-line arguments, expanded in model §1 input order.
///
/// Arguments are taken in order. A directory expands to every regular file below it, over the
/// whole tree, ordered by the UTF-8 bytes of the path below it; its display path is the argument
/// joined with that relative path (never made absolute). Every entry of a directory is either read
/// or reported (docs/reliability.md, "Input enumeration"):
/// - files and directories whose name starts with `.` or `~$` (dotfiles, editor and Excel lock
///   files) are skipped with an info finding `skipped-file`; a hidden directory is skipped whole;
/// - a symbolic link *inside* a directory is never followed, whatever it points to (inside or
///   outside the tree, or nowhere): a warning `symlink-not-followed` names it and its target.
///   A link named on the command line is followed: the user chose it;
/// - anything that is not a regular file or a directory (a FIFO, a device, a socket) is never
///   opened: an error `not-a-regular-file`, also when it is named on the command line;
/// - a name that is not valid UTF-8 is an error `invalid-file-name` (the file is not read: its
///   path could not be shown or written back faithfully);
/// - a path longer than ``maxPathBytes`` is an error `path-too-long`;
/// - a directory reached twice (a bind mount looping back) is a warning `directory-loop`.
///
/// A file reached twice — by the same path, through `..`, through a link named on the command
/// line, or as a hard-linked second name (same device and inode) — is read once, with an info
/// finding `duplicate-input`. A missing path is an error finding `missing-input`.
public struct InputSet: Sendable {
  /// The files to read, in input order.
  public private(set) var files: [InputFile] = []
  /// Findings from the expansion, in argument order (within a directory, in path order).
  public private(set) var findings = FindingLog()

  /// The longest path, in bytes, that is listed or read (`PATH_MAX` − 1 on Linux): a longer one
  /// cannot be opened by name and is reported as `path-too-long`.
  public static let maxPathBytes = 4095

  /// Expands `arguments` (files or directories) in order.
  public init(arguments: [String]) {
    var seen: [FileIdentity: String] = [:]
    for argument in arguments {
      if argument.isEmpty {
        findings.add(.error, .missingInput, at: Provenance(file: argument), "an empty path names no file")
        continue
      }
      if argument.utf8.count > Self.maxPathBytes {
        findings.add(
          .error, .pathTooLong, at: Provenance(file: Self.shortened(argument)),
          "path of \(argument.utf8.count) bytes is longer than \(Self.maxPathBytes); not read")
        continue
      }
      var status = stat()
      guard stat(argument, &status) == 0 else {
        var linkStatus = stat()
        let isDangling = lstat(argument, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFLNK
        findings.add(
          .error, .missingInput, at: Provenance(file: argument),
          isDangling ? "symbolic link to '\(Self.linkTarget(argument))', which does not exist" : "no such file or directory")
        continue
      }
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        var walk = DirectoryWalk(root: argument)
        walk.run(from: FileIdentity(status))
        findings.append(contentsOf: walk.findings)
        for (relative, identity) in walk.files {
          add(InputFile(path: Self.join(argument, relative), identity: identity, isInsideDirectory: true), seen: &seen)
        }
      case S_IFREG:
        if Self.isSkipped(name: (argument as NSString).lastPathComponent) {
          findings.add(.info, .skippedFile, at: Provenance(file: argument), "dotfile or lock file skipped")
        } else {
          let identity = FileIdentity(status)
          add(InputFile(path: argument, identity: identity, isInsideDirectory: false), seen: &seen)
        }
      default:
        findings.add(
          .error, .notARegularFile, at: Provenance(file: argument),
          "\(Self.kindName(status.st_mode)), not a regular file; never opened")
      }
    }
  }

  private mutating func add(_ file: InputFile, seen: inout [FileIdentity: String]) {
    guard let identity = file.identity else { return files.append(file) }
    if let first = seen[identity] {
      let message =
        first == file.displayPath
        ? "file already read; read once" : "same file as '\(first)' (same device and inode); read once"
      findings.add(.info, .duplicateInput, at: Provenance(file: file.displayPath), message)
      return
    }
    seen[identity] = file.displayPath
    files.append(file)
  }

  /// Whether a file or directory name marks a dotfile or lock file.
  public static func isSkipped(name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("~$") }

  /// The argument joined with a relative path, with exactly one `/` between them.
  static func join(_ argument: String, _ relative: String) -> String {
    argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
  }

  /// What a non-regular file is, for messages.
  static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    case S_IFDIR: "a directory"
    default: "a special file"
    }
  }

  /// The target of the symbolic link at `path` (not followed; at most 4,095 bytes, lossy UTF-8).
  static func linkTarget(_ path: String) -> String {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBufferPointer { readlink(path, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 4095) }
    guard count >= 0 else { return "?" }
    return String(decoding: buffer[0..<count], as: UTF8.self)
  }

  /// A path shown in a finding about its own length: its first 200 bytes (lossy) and `…`.
  static func shortened(_ path: String) -> String {
    path.utf8.count <= 200 ? path : String(decoding: path.utf8.prefix(200), as: UTF8.self) + "…"
  }
}

/// A file's device and inode: two names of the same file (hard links, `..`, links named on the
/// command line) have the same identity.
public struct FileIdentity: Hashable, Sendable {
  /// The device.
  public var device: UInt64
  /// The inode.
  public var inode: UInt64

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }
}

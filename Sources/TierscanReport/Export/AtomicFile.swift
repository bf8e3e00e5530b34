import Foundation

/// Writes one output file (`export --out F`) without destroying anything that is not a file
/// tierscan may replace.
///
/// - A missing path or a regular file: written atomically, into a temporary sibling with a unique
///   name (`.NAME.tierscan-tmp-XXXXXX`, `mkstemp`) renamed over it (an existing file keeps its
///   permission bits).
/// - A symbolic link to a regular file: the file it names is replaced that way; the link stays a
///   link. A dangling link is written through (its target created, as `>` would).
/// - Anything else that is not a directory (`/dev/null`, `/dev/stdout`, a FIFO, a terminal): written
///   through, as a shell redirection would; the device or pipe is never replaced by a file.
/// - A directory: refused with a sentence (`.isADirectory`).
public enum AtomicFile {
  /// Writes `bytes` to `path`, refusing to overwrite an input or to write inside an input directory.
  ///
  /// - Parameter inputs: the inputs as given on the command line.
  /// - Throws: ``OutputDirectoryError`` (`.emptyPath`, `.isADirectory`, `.outputIsInput`,
  ///   `.outputInsideInput`, or `.io` when the directory is missing or not writable).
  public static func write(_ bytes: [UInt8], to path: String, inputs: [URL]) throws(OutputDirectoryError) {
    guard !path.isEmpty else { throw .emptyPath }
    try AtomicDirectory.checkPlacement(of: URL(fileURLWithPath: path), inputs: inputs)
    var status = stat()
    var linkStatus = stat()
    let isLink = lstat(path, &linkStatus) == 0 && linkStatus.st_mode & S_IFMT == S_IFLNK
    // `stat` follows links, `/proc` magic links included (`/dev/stdout` is then the pipe or terminal).
    guard stat(path, &status) == 0 else {
      // A dangling link: write through it as a shell redirection would (creating its target);
      // nothing is ever renamed over a link.
      if isLink { return try writeThrough(bytes, to: path, creating: true) }
      return try replace(path, with: bytes, keeping: nil)
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: throw .isADirectory(path: path)
    case S_IFREG:
      guard isLink else { return try replace(path, with: bytes, keeping: status) }
      // A link to a regular file: replace the file it names, and the link stays a link.
      guard let resolved = realpath(path, nil) else { return try writeThrough(bytes, to: path, creating: false) }
      let target = String(cString: resolved)
      free(resolved)
      try AtomicDirectory.checkPlacement(of: URL(fileURLWithPath: target), inputs: inputs)
      return try replace(target, with: bytes, keeping: status)
    default:
      return try writeThrough(bytes, to: path, creating: false)
    }
  }

  /// Writes `bytes` into a unique temporary sibling of `path` renamed over it; `path` is a
  /// regular file (whose permission bits are kept, from `existing`) or absent.
  private static func replace(_ path: String, with bytes: [UInt8], keeping existing: stat?) throws(OutputDirectoryError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var template = Array((directory == "/" ? "/" : directory + "/").utf8CString.dropLast())
    template += Array(".\(url.lastPathComponent).tierscan-tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var failure: String?
    _ = fchmod(descriptor, existing.map { $0.st_mode & 0o7777 } ?? (0o666 & ~currentUmask()))
    if !writeAll(bytes, to: descriptor) { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .io(path: path, message: failure)
    }
  }

  /// Writes into an existing non-regular file (a device, a pipe, a terminal) without creating,
  /// truncating or replacing it.
  private static func writeThrough(_ bytes: [UInt8], to path: String, creating: Bool) throws(OutputDirectoryError) {
    let descriptor = creating ? open(path, O_WRONLY | O_CLOEXEC | O_CREAT | O_TRUNC, 0o666) : open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    guard writeAll(bytes, to: descriptor) else { throw .io(path: path, message: String(cString: strerror(errno))) }
  }

  /// Writes every byte; `false` (with `errno`) on failure.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        done += written
      }
      return true
    }
  }

  /// The process's file-mode creation mask (read without changing it for long).
  private static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }
}

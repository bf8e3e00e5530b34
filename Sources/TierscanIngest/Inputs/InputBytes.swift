import Foundation
import TierscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens and reads input files so that nothing but a regular file is ever read and a file that
/// changes underneath gives a finding, never a crash (docs/reliability.md).
///
/// A file is opened with `O_NONBLOCK` (opening a FIFO swapped in after listing cannot block) and
/// `O_NOFOLLOW` when it was found inside a directory (a link swapped in is not followed); the
/// open descriptor must be a regular file (`not-a-regular-file` otherwise) and, when
/// ``InputSet`` recorded one, have the identity seen at listing (`file-changed` otherwise).
/// Whole-file reads copy the bytes into memory with `read(2)` instead of mapping them, so a
/// file truncated while it is read is a short read (`file-changed`), not a `SIGBUS`.
public enum InputBytes {
  /// A file that could not be opened or read: the finding that says why.
  public struct Failure: Error, Sendable {
    /// The finding to report (an error).
    public var finding: Finding
  }

  /// A descriptor open for reading on `file`, which is a regular file.
  /// - Throws: ``Failure`` with `unreadable-file`, `not-a-regular-file` or `file-changed`.
  public static func descriptor(for file: InputFile) throws(Failure) -> Int32 {
    let at = Provenance(file: file.displayPath)
    var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
    if file.isInsideDirectory { flags |= O_NOFOLLOW }
    var descriptor: Int32
    repeat {
      descriptor = open(file.url.path, flags)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else {
      let reason = errno == ELOOP ? "it became a symbolic link after it was listed" : String(cString: strerror(errno))
      throw Failure(finding: Finding(.error, .unreadableFile, at: at, "cannot open the file (\(reason))"))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      close(descriptor)
      throw Failure(finding: Finding(.error, .unreadableFile, at: at, "cannot examine the open file"))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw Failure(
        finding: Finding(
          .error, .notARegularFile, at: at, "\(InputSet.kindName(status.st_mode)), not a regular file; not read"))
    }
    if let identity = file.identity, identity != FileIdentity(status) {
      close(descriptor)
      throw Failure(
        finding: Finding(.error, .fileChanged, at: at, "the file was replaced after the inputs were listed; not read"))
    }
    // Reads block normally from here on (O_NONBLOCK only guarded the open).
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    return descriptor
  }

  /// The first `count` bytes of `file` (fewer when it is shorter) and the file's size when
  /// opened, for a reader that looks at a header only (``RelationshipHeaderProbe``).
  /// - Throws: ``Failure`` when the file cannot be opened (see ``descriptor(for:)``) or read.
  public static func prefix(of file: InputFile, count: Int) throws(Failure) -> (bytes: Data, fileSize: Int) {
    let descriptor = try Self.descriptor(for: file)
    defer { close(descriptor) }
    var status = stat()
    _ = fstat(descriptor, &status)
    var bytes = Data(count: count)
    let total = try readFully(descriptor, into: &bytes, at: Provenance(file: file.displayPath))
    bytes.count = total
    return (bytes, max(Int(status.st_size), 0))
  }

  /// Fills `bytes` from `descriptor` until it is full or the file ends (reads of at most 1 GiB,
  /// retried when interrupted) and gives the number of bytes read.
  /// - Throws: ``Failure`` (`unreadable-file` at `at`) when a read fails.
  private static func readFully(_ descriptor: Int32, into bytes: inout Data, at: Provenance) throws(Failure) -> Int {
    var total = 0
    var failed = false
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while total < buffer.count {
        let count = read(descriptor, base + total, min(buffer.count - total, 1 << 30))
        if count < 0 {
          if errno == EINTR { continue }
          failed = true
          return
        }
        if count == 0 { break }
        total += count
      }
    }
    if failed {
      throw Failure(
        finding: Finding(.error, .unreadableFile, at: at, "cannot read the file (\(String(cString: strerror(errno))))"))
    }
    return total
  }

  /// The whole content of `file`, copied into memory, and the findings about reading it: a file
  /// whose size changes while it is read gives an error `file-changed` (the bytes read are still
  /// returned, so the rows read so far are kept and counted).
  /// - Throws: ``Failure`` when the file cannot be opened (see ``descriptor(for:)``) or read.
  public static func contents(of file: InputFile) throws(Failure) -> (bytes: Data, findings: [Finding]) {
    let descriptor = try Self.descriptor(for: file)
    defer { close(descriptor) }
    let at = Provenance(file: file.displayPath)
    var status = stat()
    _ = fstat(descriptor, &status)
    let expected = max(Int(status.st_size), 0)
    // One byte more than the size, to see a file that grew.
    var bytes = Data(count: expected + 1)
    let total = try readFully(descriptor, into: &bytes, at: at)
    bytes.count = min(total, expected)
    var findings: [Finding] = []
    var after = stat()
    let changed =
      total != expected || fstat(descriptor, &after) != 0 || after.st_size != status.st_size
      || after.st_mtim.tv_sec != status.st_mtim.tv_sec || after.st_mtim.tv_nsec != status.st_mtim.tv_nsec
    if changed {
      let grew = total > expected ? "it grew past" : "\(total) of"
      findings.append(
        Finding(
          .error, .fileChanged, at: at,
          "the file changed while it was read (\(grew) the \(expected) bytes it had when opened); "
            + "only the first \(bytes.count) bytes were read: re-run on a file that is not being written"))
    }
    return (bytes, findings)
  }
}

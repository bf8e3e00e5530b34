import Foundation

/// A new file written from start to end by successive appends (`write(2)` until every byte is
/// taken), for outputs streamed to disk in parts.
struct SequentialFile: Sendable {
  /// The open descriptor.
  let descriptor: Int32

  /// Creates (or truncates) the file at `url` for writing.
  ///
  /// - Throws: `POSIXError` when it cannot be opened.
  init(creating url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    self.descriptor = descriptor
  }

  /// Appends `bytes`.
  ///
  /// - Throws: `POSIXError` (a full disk, a quota) when they cannot all be written.
  func append(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
        if written < 0 {
          if errno == EINTR { continue }
          throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        done += written
      }
    }
  }

  /// Closes the descriptor.
  ///
  /// - Throws: `POSIXError` when the kernel reports a deferred write error at close.
  func close() throws {
    guard Glibc.close(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }
}

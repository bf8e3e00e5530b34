import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An anonymous in-memory file (`memfd_create`) that a harness rewrites for every input, so a
/// reader that takes a path (a streamed file) is fuzzed without touching the disk. Read it
/// through ``url`` (`/proc/self/fd/N`, reopened at offset 0 by every reader).
public final class FuzzFile: @unchecked Sendable {
  private let descriptor: CInt
  /// The file's path for readers.
  public let url: URL

  /// Creates the file (a harness keeps one for the whole run).
  public init() {
    // Glibc's module does not export memfd_create to Swift; look it up by name.
    typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, CUnsignedInt) -> CInt
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else {
      preconditionFailure("this system has no memfd_create")
    }
    let fd = unsafeBitCast(symbol, to: MemfdCreate.self)("tierscan-fuzz", 0)
    precondition(fd >= 0, "memfd_create failed (errno \(errno))")
    descriptor = fd
    url = URL(fileURLWithPath: "/proc/self/fd/\(fd)")
  }

  deinit { close(descriptor) }

  /// Replaces the file's contents with `bytes`.
  public func write(_ bytes: UnsafeRawBufferPointer) {
    precondition(ftruncate(descriptor, 0) == 0, "ftruncate failed (errno \(errno))")
    var offset = 0
    while offset < bytes.count {
      let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
      precondition(written > 0, "pwrite failed (errno \(errno))")
      offset += written
    }
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Bytes stored in the workspace, presented to the readers as a file without writing one.
///
/// On Linux the bytes go into an anonymous memory file (`memfd_create`), readable through
/// `/proc/self/fd/N`, so the CSV, XML and XLSX readers read a stored input exactly as they read
/// the original file and nothing is written outside the workspace. The descriptor is closed when
/// the value is released.
final class MemoryFile: @unchecked Sendable {
  private let descriptor: Int32
  /// A path the readers can open while this value lives.
  let url: URL

  /// Copies `bytes` into a new memory file.
  init(bytes: Data, name: String) throws(WorkspaceError) {
    #if os(Linux)
      typealias Create = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else {
        throw .unsupported("this system has no memfd_create, which reading stored inputs needs")
      }
      let create = unsafeBitCast(symbol, to: Create.self)
      let fd = create("tierscan-workspace", 1)  // MFD_CLOEXEC
      guard fd >= 0 else { throw .unsupported("memfd_create failed (errno \(errno))") }
      var written = 0
      let ok = bytes.withUnsafeBytes { raw -> Bool in
        while written < raw.count {
          let n = write(fd, raw.baseAddress! + written, raw.count - written)
          if n <= 0 { return false }
          written += n
        }
        return true
      }
      guard ok else {
        close(fd)
        throw .unsupported("cannot fill a memory file (errno \(errno))")
      }
      descriptor = fd
      url = URL(fileURLWithPath: "/proc/self/fd/\(fd)")
    #else
      throw .unsupported("reading stored inputs needs Linux (memfd_create)")
    #endif
  }

  deinit {
    #if os(Linux)
      close(descriptor)
    #endif
  }
}

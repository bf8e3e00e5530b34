import CTierscanZlib
import Foundation

/// How the workspace stores input bytes: zlib (RFC 1950) at level 1, the fastest, when that is
/// smaller than the file, else as they are (`blobs.encoding` is `zlib` or `identity`).
///
/// CSV exports compress about 4–6× at level 1, which is most of what keeps a workspace within
/// twice its inputs (docs/workspace.md, "Size"); `size` and `sha256` always describe the
/// original bytes, and reading checks both.
enum BlobCompression {
  /// `blobs.encoding` values.
  static let zlib = "zlib"
  static let identity = "identity"

  /// The compressed bytes, or `nil` when compressing does not make them smaller.
  static func compress(_ data: Data) -> Data? {
    guard !data.isEmpty else { return nil }
    var length = compressBound(uLong(data.count))
    var out = Data(count: Int(length))
    let status = out.withUnsafeMutableBytes { target -> Int32 in
      data.withUnsafeBytes { source -> Int32 in
        compress2(
          target.bindMemory(to: Bytef.self).baseAddress, &length, source.bindMemory(to: Bytef.self).baseAddress,
          uLong(data.count), 1)
      }
    }
    guard status == Z_OK, Int(length) < data.count else { return nil }
    out.count = Int(length)
    return out
  }

  /// The original bytes of a `zlib` blob of `size` bytes.
  ///
  /// - Throws: ``WorkspaceError/database(_:)`` when the bytes do not inflate to `size` bytes.
  static func decompress(_ data: Data, size: Int) throws(WorkspaceError) -> Data {
    if size == 0 { return Data() }
    var out = Data(count: size)
    var length = uLong(size)
    let status = out.withUnsafeMutableBytes { target -> Int32 in
      data.withUnsafeBytes { source -> Int32 in
        uncompress(
          target.bindMemory(to: Bytef.self).baseAddress, &length, source.bindMemory(to: Bytef.self).baseAddress,
          uLong(data.count))
      }
    }
    guard status == Z_OK, Int(length) == size else {
      throw .database("a stored input file is damaged: its compressed bytes do not inflate to \(size) bytes (zlib status \(status))")
    }
    return out
  }
}

import CTierscanZlib
import Foundation

/// Writes small zip files byte by byte for the zip reader's hostile tests: each entry's header
/// fields can be set to anything, including values that disagree with its data.
struct ZipTestBuilder {
  /// One entry as it will be written. The defaults describe `content` truthfully.
  struct Entry {
    var name: String
    /// The bytes written as the entry's data (already compressed when `method` is 8).
    var payload: [UInt8]
    var method: UInt16
    var flags: UInt16 = 0
    var crc32: UInt32
    var compressedSize: UInt32
    var uncompressedSize: UInt32
    /// Overrides for the local header only (nil: same as the directory).
    var localName: String?
    var localMethod: UInt16?
    var localCRC32: UInt32?
    /// Overrides the directory's local header offset.
    var localHeaderOffset: UInt32?
    /// Bytes written after the payload (before the next header).
    var trailing: [UInt8] = []
    /// A ZIP64 extra field in the directory carrying these sizes (the 32-bit fields become 0xFFFFFFFF).
    var zip64: Bool = false

    /// An entry holding `content`, deflated (method 8) or stored (method 0).
    init(name: String, content: [UInt8], deflate: Bool = true) {
      self.name = name
      payload = deflate ? ZipTestBuilder.rawDeflate(content) : content
      method = deflate ? 8 : 0
      crc32 = ZipTestBuilder.crc(content)
      compressedSize = UInt32(payload.count)
      uncompressedSize = UInt32(content.count)
    }
  }

  var entries: [Entry]
  /// Overrides the end record's entry count and directory offset.
  var declaredCount: UInt16?
  var declaredDirectoryOffset: UInt32?

  init(_ entries: [Entry]) { self.entries = entries }

  /// The zip file.
  func bytes() -> [UInt8] {
    var out: [UInt8] = []
    var offsets: [UInt32] = []
    for entry in entries {
      offsets.append(UInt32(out.count))
      let name = Array((entry.localName ?? entry.name).utf8)
      out += le32(0x0403_4b50) + le16(20) + le16(entry.flags) + le16(entry.localMethod ?? entry.method) + le16(0)
        + le16(0)
      let usesDescriptor = entry.flags & 0x8 != 0
      out += le32(usesDescriptor ? 0 : (entry.localCRC32 ?? entry.crc32))
      out += le32(usesDescriptor ? 0 : (entry.zip64 ? 0xFFFF_FFFF : entry.compressedSize))
      out += le32(usesDescriptor ? 0 : (entry.zip64 ? 0xFFFF_FFFF : entry.uncompressedSize))
      out += le16(UInt16(name.count)) + le16(0) + name
      out += entry.payload + entry.trailing
    }
    let directoryOffset = UInt32(out.count)
    for (index, entry) in entries.enumerated() {
      let name = Array(entry.name.utf8)
      let offset = entry.localHeaderOffset ?? offsets[index]
      let extra: [UInt8] =
        entry.zip64
        ? le16(1) + le16(24) + le64(UInt64(entry.uncompressedSize)) + le64(UInt64(entry.compressedSize))
          + le64(UInt64(offset)) : []
      out += le32(0x0201_4b50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0)
      out += le32(entry.crc32)
      out += le32(entry.zip64 ? 0xFFFF_FFFF : entry.compressedSize)
      out += le32(entry.zip64 ? 0xFFFF_FFFF : entry.uncompressedSize)
      out += le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
      out += le32(entry.zip64 ? 0xFFFF_FFFF : offset) + name + extra
    }
    let directorySize = UInt32(out.count) - directoryOffset
    let count = declaredCount ?? UInt16(entries.count)
    out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(directorySize)
    out += le32(declaredDirectoryOffset ?? directoryOffset) + le16(0)
    return out
  }

  /// Raw deflate (no zlib header or trailer) of `bytes`.
  static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    deflateInit2_(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 16)
    var input = bytes
    let written = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(inputBuffer.count)
        stream.next_out = outputBuffer.baseAddress
        stream.avail_out = UInt32(outputBuffer.count)
        _ = deflate(&stream, Z_FINISH)
        return outputBuffer.count - Int(stream.avail_out)
      }
    }
    return Array(output.prefix(written))
  }

  static func crc(_ bytes: [UInt8]) -> UInt32 {
    UInt32(truncatingIfNeeded: bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) })
  }

  private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
  private func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) } }
}

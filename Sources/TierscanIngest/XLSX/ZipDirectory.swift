/// One entry of a zip package's central directory (APPNOTE 4.3.12), with the ZIP64 values
/// already applied.
struct ZipEntry: Equatable {
  /// The name as stored (UTF-8 when valid, else each byte as one ISO-8859-1 character).
  var name: String
  /// The name's bytes, compared with the local header's.
  var nameBytes: [UInt8]
  /// General purpose bit flags.
  var flags: UInt16
  /// Compression method: 0 stored, 8 deflated (the only two read).
  var method: UInt16
  var crc32: UInt32
  var compressedSize: UInt64
  var uncompressedSize: UInt64
  /// Offset of the entry's local file header from the start of the file.
  var localHeaderOffset: UInt64

  /// Bit 0: the data is encrypted.
  var isEncrypted: Bool { flags & 0x1 != 0 }
  /// Bit 3: the local header's CRC and sizes are zero and follow the data instead.
  var usesDataDescriptor: Bool { flags & 0x8 != 0 }
}

/// Reads the central directory of a zip file held in memory: the end-of-central-directory record
/// (and its ZIP64 form), then every directory entry it declares.
///
/// Every offset and length is checked against the bytes before it is read; a directory that does
/// not fit the file, or an entry that is not where the directory says, is ``XLSXError/notAZip``.
/// Nothing here inflates; see ``ZipPartReader``.
enum ZipDirectory {
  static let endSignature: UInt32 = 0x0605_4b50
  static let zip64EndSignature: UInt32 = 0x0606_4b50
  static let zip64LocatorSignature: UInt32 = 0x0706_4b50
  static let entrySignature: UInt32 = 0x0201_4b50
  /// Size of the fixed part of a central directory entry.
  static let entrySize = 46
  /// Size of the end-of-central-directory record without its comment.
  static let endSize = 22

  /// The entries, in directory order.
  /// - Throws: ``XLSXError/notAZip`` when there is no end record, the directory does not fit the
  ///   file, an entry is malformed, or there are no entries.
  static func entries(of bytes: UnsafeRawBufferPointer) throws(XLSXError) -> [ZipEntry] {
    let reader = LittleEndianBytes(bytes)
    guard let end = findEnd(reader) else { throw .notAZip }
    var count = UInt64(reader.u16(end + 10))
    var size = UInt64(reader.u32(end + 12))
    var offset = UInt64(reader.u32(end + 16))
    // The directory must end before the record that describes it.
    var limit = UInt64(end)
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, end >= 20,
      reader.u32(end - 20) == zip64LocatorSignature
    {
      let record = reader.u64(end - 20 + 8)
      guard record <= UInt64(end - 20), Int(record) + 56 <= end - 20,
        reader.u32(Int(record)) == zip64EndSignature
      else { throw .notAZip }
      count = reader.u64(Int(record) + 32)
      size = reader.u64(Int(record) + 40)
      offset = reader.u64(Int(record) + 48)
      limit = record
    }
    guard offset <= limit, size <= limit - offset else { throw .notAZip }
    // Each entry takes at least `entrySize` bytes, so a count the directory cannot hold is a lie.
    guard count > 0, count <= size / UInt64(entrySize) else { throw .notAZip }
    var entries: [ZipEntry] = []
    entries.reserveCapacity(Int(count))
    var position = Int(offset)
    let directoryEnd = Int(offset + size)
    for _ in 0..<count {
      guard position + entrySize <= directoryEnd, reader.u32(position) == entrySignature else { throw .notAZip }
      let nameLength = Int(reader.u16(position + 28))
      let extraLength = Int(reader.u16(position + 30))
      let commentLength = Int(reader.u16(position + 32))
      let next = position + entrySize + nameLength + extraLength + commentLength
      guard next <= directoryEnd else { throw .notAZip }
      let nameBytes = reader.bytes(position + entrySize, nameLength)
      var entry = ZipEntry(
        name: decodeName(nameBytes), nameBytes: nameBytes, flags: reader.u16(position + 8),
        method: reader.u16(position + 10), crc32: reader.u32(position + 16),
        compressedSize: UInt64(reader.u32(position + 20)), uncompressedSize: UInt64(reader.u32(position + 24)),
        localHeaderOffset: UInt64(reader.u32(position + 42)))
      applyZip64(reader, extra: position + entrySize + nameLength, length: extraLength, to: &entry)
      entries.append(entry)
      position = next
    }
    return entries
  }

  /// The offset of the end-of-central-directory record: searched backwards from the end of the
  /// file over at most a full comment's length. A record whose comment ends exactly at the end of
  /// the file is preferred (a comment can contain the signature); else the last one that fits.
  private static func findEnd(_ reader: LittleEndianBytes) -> Int? {
    let count = reader.count
    guard count >= endSize else { return nil }
    let lowest = max(0, count - endSize - 0xFFFF)
    var fitting: Int?
    var position = count - endSize
    while position >= lowest {
      if reader.u32(position) == endSignature {
        let commentEnd = position + endSize + Int(reader.u16(position + 20))
        if commentEnd == count { return position }
        if commentEnd <= count, fitting == nil { fitting = position }
      }
      position -= 1
    }
    return fitting
  }

  /// Replaces the 32-bit sizes and offset that are `0xFFFFFFFF` by the ZIP64 extended
  /// information extra field's values (id 1; present only for those fields, in this order).
  private static func applyZip64(_ reader: LittleEndianBytes, extra: Int, length: Int, to entry: inout ZipEntry) {
    guard entry.uncompressedSize == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF
      || entry.localHeaderOffset == 0xFFFF_FFFF
    else { return }
    var position = extra
    let end = extra + length
    while position + 4 <= end {
      let id = reader.u16(position)
      let size = Int(reader.u16(position + 2))
      let dataEnd = min(position + 4 + size, end)
      if id == 1 {
        var field = position + 4
        func take(_ value: inout UInt64) {
          guard value == 0xFFFF_FFFF, field + 8 <= dataEnd else { return }
          value = reader.u64(field)
          field += 8
        }
        take(&entry.uncompressedSize)
        take(&entry.compressedSize)
        take(&entry.localHeaderOffset)
        return
      }
      position = position + 4 + size
    }
  }

  /// A stored name as text: UTF-8 when it is valid UTF-8 (OOXML part names are ASCII), else each
  /// byte as one ISO-8859-1 character so that the name can still be shown in a finding.
  static func decodeName(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }
}

/// Little-endian reads from a byte buffer. Callers check bounds; a read that would not fit returns
/// zero rather than trapping, so a missed check cannot take the process down.
struct LittleEndianBytes {
  let buffer: UnsafeRawBufferPointer
  var count: Int { buffer.count }

  init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

  func u16(_ offset: Int) -> UInt16 {
    guard offset >= 0, offset <= count - 2 else { return 0 }
    return UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
  }

  func u32(_ offset: Int) -> UInt32 {
    guard offset >= 0, offset <= count - 4 else { return 0 }
    return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  func u64(_ offset: Int) -> UInt64 {
    guard offset >= 0, offset <= count - 8 else { return 0 }
    return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  func bytes(_ offset: Int, _ length: Int) -> [UInt8] {
    guard offset >= 0, length >= 0, offset <= count - length else { return [] }
    return Array(buffer[offset..<(offset + length)])
  }
}

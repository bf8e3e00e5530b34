import Foundation

/// Reads parts out of an `.xlsx` zip package held in memory, with zip-bomb, path and integrity
/// checks. The zip structures are read here (``ZipDirectory``) and parts are inflated with zlib
/// (``ZipInflater``); no third-party zip library is involved.
///
/// Every entry name is checked when the archive is opened (no `..` component, no leading `/`).
/// Each part is checked against its declared sizes before inflating (inflated size at most
/// ``IngestLimits/maxInflatedBytes``, inflated/compressed ratio at most
/// ``IngestLimits/maxInflateRatio``); its local header must agree with the central directory and
/// its data must lie inside the file; the inflater reads only the entry's compressed bytes and
/// counts what comes out, so a header that lies about sizes is stopped at the limit too, and a
/// deflate stream that does not end within its compressed bytes is a corrupt part, never a hang.
/// The inflated bytes must have the declared size and CRC-32.
final class ZipPartReader {
  private let data: Data
  private let limits: IngestLimits
  /// Entries by name; the first entry wins when a name repeats.
  private var entries: [String: ZipEntry] = [:]

  static let localHeaderSignature: UInt32 = 0x0403_4b50
  /// Size of the fixed part of a local file header.
  static let localHeaderSize = 30

  /// Opens the package from its bytes in memory (read through ``InputBytes``: the archive never
  /// opens an input path itself).
  /// - Throws: ``XLSXError/notAZip`` or ``XLSXError/unsafeEntryName(_:)``.
  init(data: Data, limits: IngestLimits) throws(XLSXError) {
    self.data = data
    self.limits = limits
    let list = try ZipPartReader.withBytes(of: data) { (bytes) throws(XLSXError) in try ZipDirectory.entries(of: bytes) }
    for entry in list {
      if ZipPartReader.isUnsafe(entry.name) { throw .unsafeEntryName(entry.name) }
      if entries[entry.name] == nil { entries[entry.name] = entry }
    }
  }

  /// Whether an entry name could escape an extraction directory.
  static func isUnsafe(_ path: String) -> Bool {
    if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
    let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    return components.contains("..") || path.utf8.contains(0)
  }

  /// Whether the package has a part at `path`.
  func contains(_ path: String) -> Bool { entries[path] != nil }

  /// The inflated bytes of the part at `path`.
  /// - Throws: ``XLSXError/missingPart(_:)``, ``XLSXError/zipBomb(entry:detail:)`` or
  ///   ``XLSXError/corruptPart(part:detail:)`` (a local header that disagrees with the directory,
  ///   data past the end of the file, an unsupported method or encryption, a deflate stream that
  ///   is invalid or does not end within its compressed bytes, a wrong size or CRC-32).
  func data(of path: String) throws(XLSXError) -> Data {
    guard let entry = entries[path] else { throw .missingPart(path) }
    let declared = entry.uncompressedSize
    let compressed = entry.compressedSize
    let maxBytes = UInt64(max(limits.maxInflatedBytes, 0))
    if declared > maxBytes {
      throw .zipBomb(entry: path, detail: "declares \(declared) inflated bytes, limit \(maxBytes)")
    }
    let ratioLimit = UInt64(max(limits.maxInflateRatio, 1))
    if declared > 4096, declared / max(compressed, 1) > ratioLimit {
      throw .zipBomb(entry: path, detail: "inflate ratio \(declared / max(compressed, 1)) exceeds \(ratioLimit)")
    }
    // Also bound the actual output by the ratio, in case the declared size lies.
    let ratioBound = max(compressed, 1).multipliedReportingOverflow(by: ratioLimit)
    let bound = min(maxBytes, ratioBound.overflow ? maxBytes : max(ratioBound.partialValue, 4096))
    return try ZipPartReader.withBytes(of: data) { (bytes) throws(XLSXError) -> Data in
      let stored = try ZipPartReader.storedBytes(of: entry, in: bytes)
      let output: Data
      switch entry.method {
      case 0:
        guard compressed == declared else {
          throw .corruptPart(
            part: path, detail: "a stored entry of \(compressed) bytes declares \(declared) bytes inflated")
        }
        output = Data(stored)
      case 8:
        do throws(ZipInflater.Failure) {
          output = try ZipInflater.inflate(stored, declared: Int(declared), bound: bound)
        } catch {
          switch error {
          case .exceeded(let bound):
            throw .zipBomb(entry: path, detail: "inflated past \(bound) bytes while extracting")
          case .unterminated(let count):
            throw .corruptPart(part: path, detail: "the deflate stream does not end within its \(count) compressed bytes")
          case .invalid(let message):
            throw .corruptPart(part: path, detail: "invalid deflate stream (\(message))")
          case .sizeMismatch(let declared, let actual):
            throw .corruptPart(part: path, detail: "inflates to \(actual) bytes, the entry declares \(declared)")
          }
        }
      default:
        throw .corruptPart(part: path, detail: "compression method \(entry.method) is not supported (only stored and deflate)")
      }
      let checksum = output.withUnsafeBytes { ZipInflater.checksum($0) }
      if checksum != entry.crc32 {
        throw .corruptPart(
          part: path, detail: "CRC-32 mismatch: the entry says \(entry.crc32), the bytes give \(checksum)")
      }
      return output
    }
  }

  /// `body` over the bytes of `data`, keeping its typed error (`Data.withUnsafeBytes` rethrows untyped).
  private static func withBytes<Result>(
    of data: Data, _ body: (UnsafeRawBufferPointer) throws(XLSXError) -> Result
  ) throws(XLSXError) -> Result {
    let outcome: Swift.Result<Result, XLSXError> = data.withUnsafeBytes { bytes in
      do throws(XLSXError) { return .success(try body(bytes)) } catch { return .failure(error) }
    }
    return try outcome.get()
  }

  /// The entry's compressed bytes: after its local header, which must be where the directory
  /// says and agree with it (name, method, and CRC and sizes unless they follow the data).
  private static func storedBytes(of entry: ZipEntry, in bytes: UnsafeRawBufferPointer) throws(XLSXError)
    -> UnsafeRawBufferPointer
  {
    let part = entry.name
    let reader = LittleEndianBytes(bytes)
    let size = UInt64(bytes.count)
    if entry.isEncrypted { throw .corruptPart(part: part, detail: "the entry is encrypted") }
    let offset = entry.localHeaderOffset
    guard offset <= size, UInt64(localHeaderSize) <= size - offset,
      reader.u32(Int(offset)) == localHeaderSignature
    else {
      throw .corruptPart(part: part, detail: "no local header at byte \(offset) (the file has \(size) bytes)")
    }
    let header = Int(offset)
    let nameLength = Int(reader.u16(header + 26))
    let extraLength = Int(reader.u16(header + 28))
    let dataOffset = offset + UInt64(localHeaderSize + nameLength + extraLength)
    guard dataOffset <= size, entry.compressedSize <= size - dataOffset else {
      throw .corruptPart(
        part: part,
        detail: "its \(entry.compressedSize) compressed bytes at byte \(dataOffset) run past the end of the file (\(size) bytes)")
    }
    var disagreements: [String] = []
    if reader.bytes(header + localHeaderSize, nameLength) != entry.nameBytes {
      disagreements.append("name \(ZipDirectory.decodeName(reader.bytes(header + localHeaderSize, nameLength)))")
    }
    if reader.u16(header + 8) != entry.method { disagreements.append("compression method \(reader.u16(header + 8))") }
    // Without a data descriptor the local CRC and sizes are the real ones (0xFFFFFFFF: in ZIP64).
    if !entry.usesDataDescriptor {
      let localCRC = reader.u32(header + 14)
      let localCompressed = reader.u32(header + 18)
      let localSize = reader.u32(header + 22)
      if localCRC != entry.crc32 { disagreements.append("CRC-32 \(localCRC)") }
      if localCompressed != 0xFFFF_FFFF, UInt64(localCompressed) != entry.compressedSize {
        disagreements.append("compressed size \(localCompressed)")
      }
      if localSize != 0xFFFF_FFFF, UInt64(localSize) != entry.uncompressedSize {
        disagreements.append("size \(localSize)")
      }
    }
    if !disagreements.isEmpty {
      throw .corruptPart(
        part: part,
        detail: "the local header disagrees with the central directory (\(disagreements.joined(separator: ", ")))")
    }
    let start = Int(dataOffset)
    return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Int(entry.compressedSize))])
  }
}

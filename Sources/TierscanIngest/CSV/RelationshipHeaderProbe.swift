import Foundation
import TierscanCore

/// Reads only the header of a large CSV file when its rows will not be read
/// (``IngestOptions/readsRelationshipRows`` `false`): a file recognised as relationships by its
/// header then costs one small read instead of a copy of the whole file.
///
/// The probe answers only when reading the header bytes gives exactly what reading the whole
/// file would: no `--encoding`, no mapping (a mapping may claim the file), no UTF-16 byte-order
/// mark, and a header that is one complete record ending in a line feed inside the prefix, with
/// no duplicate column. In every other case it answers `nil` and the file is read as always
/// (``CSVInputReader`` skips the rows of a relationships file then too).
enum RelationshipHeaderProbe {
  /// Bytes read from the start of the file.
  static let prefixSize = 1 << 16

  /// The bytes of the file's header record (through its line feed) when the file is a
  /// relationships CSV that the probe can decide from them; `nil` otherwise, or when the file is
  /// no longer than the prefix (read whole then), or cannot be read (the whole-file read reports why).
  static func header(of file: InputFile, options: IngestOptions) -> Data? {
    guard options.encoding == nil, options.mappings.isEmpty,
      let (prefix, size) = try? InputBytes.prefix(of: file, count: prefixSize), size > prefix.count
    else { return nil }
    return header(inPrefix: prefix, options: options)
  }

  /// The header record's bytes when `prefix` (the start of a longer file) begins with a complete
  /// relationships header.
  static func header(inPrefix prefix: Data, options: IngestOptions) -> Data? {
    let bom = prefix.prefix(2)
    guard bom != Data([0xFF, 0xFE]), bom != Data([0xFE, 0xFF]) else { return nil }
    let reader = CSVReader(limits: options.limits, trimsFields: true)
    return prefix.withUnsafeBytes { raw -> Data? in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
      let bytes = UnsafeBufferPointer(start: base, count: raw.count)
      var cursor = CSVCursor(bytes: bytes, reader: reader)
      guard case .record(let record)? = cursor.next() else { return nil }
      let end = cursor.position
      guard end > 0, end <= bytes.count, bytes[end - 1] == UInt8(ascii: "\n") else { return nil }
      let header = CSVHeader(fields: record.fields)
      guard header.kind == .relationships, header.duplicates.isEmpty else { return nil }
      return Data(bytes[0..<end])
    }
  }
}

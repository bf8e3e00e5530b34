import Foundation
import TierscanCore

/// A byte-level parser for the plain rows of a relationships CSV (model §2.2): it appends such a
/// row straight into a ``RelationshipRecordTable`` from the mapped bytes, with no field strings,
/// no ``CSVRow`` and no ``RelationshipRecord``.
///
/// A row is plain when ``RelationshipRowParser`` would accept it without any finding and the
/// reader would read it unchanged: one physical line ending in LF (or CR LF), no quote, no byte
/// below 0x20 (so no tab, no lone CR) and no DEL, valid UTF-8, the header's field count, no
/// longer than the field and record limits; non-empty `from`/`to` not starting with `=`, `+`,
/// `-` or `@`; `type` and `basis` spelled in lower case exactly as their raw values; an ASCII
/// commodity (lower-cased byte-wise, as `lowercased()` does for ASCII); `share` only on `owns`
/// edges; numbers of the form `digits[.digits]` with at most 15 digits (converted exactly: an
/// integer below 2^53 divided by an exact power of ten is correctly rounded, as `Double(_:)` is);
/// years of 1-9 digits; unknown columns empty. For any other row ``append(_:from:to:line:file:into:)``
/// returns `false` and appends nothing: the caller reads it through the general reader and
/// ``RelationshipRowParser``, which gives the exact findings.
struct RelationshipFastPath: Sendable {
  /// What a column is: one the parser reads (``RelationshipColumn``), else `nil` (an extra column).
  private typealias Role = RelationshipColumn?

  private let roles: [Role]
  private let maxLine: Int
  /// The columns of `from` and `to`.
  private let endpointColumns: (from: Int, to: Int)

  /// The fast path for a relationships header, or `nil` when the header has duplicate names.
  init?(header: CSVHeader, limits: IngestLimits) {
    guard header.duplicates.isEmpty, header.names.count <= 64 else { return nil }
    roles = header.names.map { RelationshipColumn(rawValue: $0) }
    maxLine = min(limits.maxFieldBytes, limits.maxRecordBytes)
    endpointColumns = (roles.firstIndex(of: .from) ?? 0, roles.firstIndex(of: .to) ?? 0)
  }

  /// Reads the ``ByteInterner`` slots where the `from` and `to` ids of the lines from `start`
  /// on will be probed, for as many lines as `hashes` holds two hashes, back to back: their
  /// cache misses then overlap, instead of each row's interning waiting for its own. Returns
  /// the offset after the last line read and the slots' entries combined (a value the caller
  /// keeps so the reads are not optimised away). Only a cache hint: a line that is not plain
  /// costs nothing but its reads.
  func touchEndpointSlots(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, hashes: UnsafeMutableBufferPointer<UInt64>, ids: ByteInterner
  ) -> (end: Int, probes: Int32) {
    var count = 0
    var next = start
    while count + 1 < hashes.count, next < p.count, let base = p.baseAddress,
      let hit = memchr(base + next, 0x0A, p.count - next)
    {
      let lf = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      (hashes[count], hashes[count + 1]) = endpointHashes(p, from: next, to: lf)
      count += 2
      next = lf + 1
    }
    return (next, ids.touchSlots(of: UnsafeBufferPointer(rebasing: hashes[0..<count])))
  }

  /// The ``ByteInterner/hash(_:)`` of the `from` and `to` fields of the line `p[start..<end]`,
  /// as a plain row would have them.
  private func endpointHashes(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (UInt64, UInt64) {
    var hashes: (UInt64, UInt64) = (0, 0)
    var k = start
    for column in 0...max(endpointColumns.from, endpointColumns.to) {
      let first = k
      while k < end, p[k] != 0x2C { k += 1 }
      let (s, e) = PlainField.trimmed(p, first, k)
      if column == endpointColumns.from { hashes.0 = ByteInterner.hash(Self.raw(p, (s, e))) }
      if column == endpointColumns.to { hashes.1 = ByteInterner.hash(Self.raw(p, (s, e))) }
      if k >= end { break }
      k += 1
    }
    return hashes
  }

  private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

  /// Appends the row `p[start..<end]` (one physical line without its line end) starting on
  /// `line`; returns `false`, appending nothing, when the row is not plain.
  func append(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int, file: Int32,
    into table: inout RelationshipRecordTable
  ) -> Bool {
    guard end - start <= maxLine, line < Int(Int32.max) else { return false }
    var from = (0, 0)
    var to = (0, 0)
    var typeField = (0, 0)
    var commodity = (0, 0)
    var hsCode = (0, 0)
    var shareField = (0, 0)
    var basisField = (0, 0)
    var confidenceField = (0, 0)
    var yearField = (0, 0)
    var highBytes = false
    var column = 0
    let columns = roles.count
    let scanned = roles.withUnsafeBufferPointer { roles in
      PlainField.forEachField(p, from: start, to: end, highBytes: &highBytes) { fieldStart, fieldEnd in
        guard column < columns else { return false }
        let (s, e) = PlainField.trimmed(p, fieldStart, fieldEnd)
        switch roles[column] {
        case .from: from = (s, e)
        case .to: to = (s, e)
        case .type: typeField = (s, e)
        case .commodity: commodity = (s, e)
        case .hsCode: hsCode = (s, e)
        case .share: shareField = (s, e)
        case .basis: basisField = (s, e)
        case .confidence: confidenceField = (s, e)
        case .reportingYear: yearField = (s, e)
        case nil: if s < e { return false }
        }
        column += 1
        return true
      }
    }
    guard scanned else { return false }
    guard column == columns else { return false }
    if highBytes, !isValidUTF8(UnsafeBufferPointer(rebasing: p[start..<end])) { return false }
    guard PlainField.isPlainID(p, from), PlainField.isPlainID(p, to), let type = Self.type(p, typeField) else {
      return false
    }
    var share = RelationshipColumns.missing
    if shareField.0 < shareField.1 {
      guard type == .owns, let value = Self.number(p, shareField), value > 0, value <= 100 else { return false }
      share = value
    }
    var basis: Basis?
    if basisField.0 < basisField.1 {
      guard let value = Self.basis(p, basisField) else { return false }
      basis = value
    }
    var confidence = RelationshipColumns.missing
    if confidenceField.0 < confidenceField.1 {
      guard let value = Self.number(p, confidenceField), value > 0, value <= 1 else { return false }
      confidence = value
    }
    var year = RelationshipColumns.noYear
    if yearField.0 < yearField.1 {
      guard yearField.1 - yearField.0 <= 9 else { return false }
      var value: Int32 = 0
      for i in yearField.0..<yearField.1 {
        let d = p[i] &- 0x30
        guard d < 10 else { return false }
        value = value * 10 + Int32(d)
      }
      year = value
    }
    var commodityIndex: Int32 = -1
    if commodity.0 < commodity.1 {
      let length = commodity.1 - commodity.0
      guard length <= 64 else { return false }
      var lowered: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
      let ok = withUnsafeMutableBytes(of: &lowered) { buffer -> Bool in
        for i in 0..<length {
          let b = p[commodity.0 + i]
          guard b < 0x80 else { return false }
          buffer[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        }
        commodityIndex = table.internString(UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
        return true
      }
      guard ok else { return false }
    }
    let hsIndex = hsCode.0 < hsCode.1 ? table.internString(Self.raw(p, hsCode)) : -1
    let row = table.count
    let fromID = table.internID(Self.raw(p, from), row: row)
    let toID = table.internID(Self.raw(p, to), row: row)
    table.append(
      from: fromID, to: toID, basis: basis, type: type, commodity: commodityIndex, hsCode: hsIndex, share: share,
      confidence: confidence, year: year, line: Int32(line), file: file)
    return true
  }

  private static func raw(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int)) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[field.0..<field.1]))
  }

  private static func type(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int)) -> RelationshipType? {
    if PlainField.equals(p, field, "supplies") { return .supplies }
    if PlainField.equals(p, field, "subcontracts") { return .subcontracts }
    if PlainField.equals(p, field, "owns") { return .owns }
    if PlainField.equals(p, field, "operates") { return .operates }
    return nil
  }

  private static func basis(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int)) -> Basis? {
    if PlainField.equals(p, field, "declared") { return .declared }
    if PlainField.equals(p, field, "observed") { return .observed }
    if PlainField.equals(p, field, "inferred") { return .inferred }
    return nil
  }

  /// `digits[.digits]` with at most 15 digits, as the correctly rounded `Double`; else `nil`.
  private static func number(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int)) -> Double? {
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var digitsBeforePoint = 0
    for i in field.0..<field.1 {
      let b = p[i]
      if b == UInt8(ascii: ".") {
        guard !seenPoint, digits > 0 else { return nil }
        seenPoint = true
        digitsBeforePoint = digits
        continue
      }
      let d = b &- 0x30
      // More than 15 digits is the general reader's case; stopping here also keeps the
      // mantissa far from overflowing (20 digits would overflow a UInt64).
      guard d < 10, digits < 15 else { return nil }
      mantissa = mantissa * 10 + UInt64(d)
      digits += 1
      if seenPoint { fractionDigits += 1 }
    }
    guard digits > 0, !seenPoint || digits > digitsBeforePoint else { return nil }
    return Double(mantissa) / powersOfTen[fractionDigits]
  }
}

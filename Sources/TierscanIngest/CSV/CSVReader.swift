import Foundation

/// A streaming RFC 4180 reader over raw bytes.
///
/// Accepts quoted fields with doubled quotes and embedded line breaks, CRLF, LF and CR-only line
/// ends, a leading UTF-8 BOM, empty trailing fields and a final record without a line end. Blank
/// physical lines (a line end at the start of a record) are skipped. Each record carries the
/// 1-based physical line on which it starts. Problems are values (``CSVReadResult/failure(_:)``):
/// the reader rejects the record and goes on with the next one.
///
/// The reader walks bytes and builds each field's `String` once (after validating its UTF-8);
/// a rejected record builds no strings after the problem, so an oversized record costs no memory
/// beyond the mapped file.
public struct CSVReader: Sendable {
  /// Field and record size limits.
  public var limits: IngestLimits
  /// Whether to trim ASCII spaces and tabs around every field value.
  public var trimsFields: Bool

  /// Creates a reader.
  public init(limits: IngestLimits = IngestLimits(), trimsFields: Bool = false) {
    self.limits = limits
    self.trimsFields = trimsFields
  }

  /// Reads every record of `data` in order, calling `body` for each record or failure.
  public func read(_ data: Data, _ body: (CSVReadResult) -> Void) {
    data.withUnsafeBytes { raw in read(raw, body) }
  }

  /// All records and failures of `data`, in order (convenient for small inputs and tests).
  public func results(of data: Data) -> [CSVReadResult] {
    var results: [CSVReadResult] = []
    read(data) { results.append($0) }
    return results
  }

  /// Reads every record of `raw` in order, calling `body` for each record or failure.
  ///
  /// - Complexity: O(n) in the number of bytes.
  package func read(_ raw: UnsafeRawBufferPointer, _ body: (CSVReadResult) -> Void) {
    guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    var scanner = Scanner(bytes: UnsafeBufferPointer(start: base, count: raw.count), limits: limits, trims: trimsFields)
    while let result = scanner.next() { body(result) }
  }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")
private let tab = UInt8(ascii: "\t")
private let space = UInt8(ascii: " ")

/// A pull-style cursor over the records of a byte range, for reading one file in parts.
///
/// A cursor started at a record boundary with that boundary's line number (see
/// ``CSVSplit/boundary(in:atOrAfter:)``) yields exactly the records and failures a whole-file
/// read yields from there on; ``stop(at:)`` ends it at a later boundary.
struct CSVCursor {
  private var scanner: Scanner

  /// A cursor at the start of `bytes` (after a leading BOM).
  init(bytes: UnsafeBufferPointer<UInt8>, reader: CSVReader) {
    scanner = Scanner(bytes: bytes, limits: reader.limits, trims: reader.trimsFields)
  }

  /// The byte offset of the next unread byte.
  var position: Int { scanner.i }

  /// Moves to the record boundary `offset`, on physical line `line`.
  mutating func start(at offset: Int, line: Int) {
    scanner.i = offset
    scanner.line = line
  }

  /// Ends the input at the record boundary `offset`.
  mutating func stop(at offset: Int) { scanner.n = offset }

  /// The next record or failure; `nil` at the end.
  mutating func next() -> CSVReadResult? { scanner.next() }

  /// The mapped bytes.
  var bytes: UnsafeBufferPointer<UInt8> { scanner.p }

  /// The 1-based physical line of the next unread byte.
  var line: Int { scanner.line }

  /// The next physical line when it could be a plain record: it starts with a byte other than a
  /// line end and ends with an LF before the end of the input. `end` excludes the line end (LF
  /// or CR LF); `next` is the offset after the LF.
  func nextLine() -> (start: Int, end: Int, next: Int)? {
    let i = scanner.i
    let n = scanner.n
    guard i < n, let base = scanner.p.baseAddress else { return nil }
    let first = scanner.p[i]
    guard first != lf, first != cr, let hit = memchr(base + i, Int32(lf), n - i) else { return nil }
    let lfAt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    let end = lfAt > i && scanner.p[lfAt - 1] == cr ? lfAt - 1 : lfAt
    return (i, end, lfAt + 1)
  }

  /// Moves past a line returned by ``nextLine()`` that the caller consumed as one record.
  mutating func skipLine(to next: Int) {
    scanner.i = next
    scanner.line += 1
  }
}

/// The byte-level state machine behind ``CSVReader``.
private struct Scanner {
  let p: UnsafeBufferPointer<UInt8>
  var n: Int
  let maxField: Int
  let maxRecord: Int
  let trims: Bool
  var i = 0
  var line = 1
  var expectedFields = 8
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, limits: IngestLimits, trims: Bool) {
    p = bytes
    n = bytes.count
    maxField = limits.maxFieldBytes
    maxRecord = limits.maxRecordBytes
    self.trims = trims
    if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
  }

  /// The next record or failure; `nil` at the end of the input.
  mutating func next() -> CSVReadResult? {
    while i < n {
      if p[i] == lf {  // blank line
        i += 1
        line += 1
        continue
      }
      if p[i] == cr {
        i += 1
        if i < n, p[i] == lf { i += 1 }
        line += 1
        continue
      }
      return readRecord()
    }
    return nil
  }

  private mutating func readRecord() -> CSVReadResult {
    let recordStart = i
    let recordLine = line
    var fields: [String] = []
    fields.reserveCapacity(expectedFields)
    var failure: CSVReadError?
    var hasControl = false

    while true {
      var start = i
      var end: Int
      var usesScratch = false
      var scratchTooLong = false
      if i < n, p[i] == quote {
        i += 1
        start = i
        var segment = i
        var closed = false
        scratch.removeAll(keepingCapacity: true)
        while i < n {
          let b = p[i]
          if b > quote && b != 0x7F {
            i += 1
            continue
          }
          if b == quote {
            if i + 1 < n, p[i + 1] == quote {
              if failure == nil, !scratchTooLong {
                if scratch.count + (i + 1 - segment) <= maxField {
                  scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[segment...i]))
                } else {
                  scratchTooLong = true
                }
              }
              usesScratch = true
              i += 2
              segment = i
              continue
            }
            closed = true
            break
          }
          if b == cr {
            line += 1
            if i + 1 < n, p[i + 1] == lf { i += 1 }
          } else if b == lf {
            line += 1
          } else if b == 0 {
            if failure == nil { failure = .nulByte(line: recordLine) }
          } else if b < 0x20 && b != tab || b == 0x7F {
            hasControl = true
          }
          i += 1
        }
        guard closed else { return .failure(.unterminatedQuote(line: recordLine)) }
        end = i
        i += 1
        if usesScratch, failure == nil, !scratchTooLong {
          if scratch.count + (end - segment) <= maxField {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[segment..<end]))
          } else {
            scratchTooLong = true
          }
        }
        // Anything but a delimiter after the closing quote is broken quoting.
        if i < n, p[i] != comma, p[i] != lf, p[i] != cr {
          if failure == nil { failure = .brokenQuoting(line: recordLine) }
          scanUnquoted(failure: &failure, hasControl: &hasControl, recordLine: recordLine)
          end = i
        }
      } else {
        scanUnquoted(failure: &failure, hasControl: &hasControl, recordLine: recordLine)
        end = i
      }

      if failure == nil {
        if usesScratch ? scratchTooLong : end - start > maxField {
          failure = .fieldTooLong(line: recordLine, limit: maxField)
        } else if i - recordStart > maxRecord {
          failure = .recordTooLong(line: recordLine, limit: maxRecord)
        } else if let field = usesScratch ? makeScratchString() : makeString(start, end) {
          fields.append(field)
        } else {
          failure = .invalidUTF8(line: recordLine)
        }
      }

      // Delimiter.
      if i >= n { break }
      let b = p[i]
      i += 1
      if b == comma { continue }
      if b == cr, i < n, p[i] == lf { i += 1 }
      line += 1
      break
    }
    if let failure { return .failure(failure) }
    expectedFields = fields.count
    return .record(CSVRecord(fields: fields, line: recordLine, hasControlCharacters: hasControl))
  }

  /// Advances `i` to the next comma or line end, noting stray quotes, NULs and control bytes.
  private mutating func scanUnquoted(failure: inout CSVReadError?, hasControl: inout Bool, recordLine: Int) {
    while i < n {
      let b = p[i]
      if b > quote && b != comma && b != 0x7F {
        i += 1
        continue
      }
      if b == comma || b == lf || b == cr { return }
      if b == quote {
        if failure == nil { failure = .brokenQuoting(line: recordLine) }
      } else if b == 0 {
        if failure == nil { failure = .nulByte(line: recordLine) }
      } else if b < 0x20 && b != tab || b == 0x7F {
        hasControl = true
      }
      i += 1
    }
  }

  private func makeString(_ start: Int, _ end: Int) -> String? {
    var s = start
    var e = end
    if trims {
      while s < e, p[s] == space || p[s] == tab { s += 1 }
      while e > s, p[e - 1] == space || p[e - 1] == tab { e -= 1 }
    }
    if s == e { return "" }
    return makeValidatedString(UnsafeBufferPointer(rebasing: p[s..<e]))
  }

  private func makeScratchString() -> String? {
    scratch.withUnsafeBufferPointer { buffer in
      var s = 0
      var e = buffer.count
      if trims {
        while s < e, buffer[s] == space || buffer[s] == tab { s += 1 }
        while e > s, buffer[e - 1] == space || buffer[e - 1] == tab { e -= 1 }
      }
      return makeValidatedString(UnsafeBufferPointer(rebasing: buffer[s..<e]))
    }
  }
}

/// A `String` of `bytes` when they are valid UTF-8, else `nil`.
///
/// Validates with ``isValidUTF8(_:)`` and then builds the string with the specialised
/// `String(decoding:as:)` (the generic `String(validating:as:)` spends most of its time in
/// metadata look-ups).
private func makeValidatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
  guard isValidUTF8(bytes) else { return nil }
  return String(decoding: bytes, as: UTF8.self)
}

/// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  let n = bytes.count
  var i = 0
  while i < n {
    let b0 = bytes[i]
    if b0 < 0x80 {
      i += 1
      continue
    }
    func continuation(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
    switch b0 {
    case 0xC2...0xDF:
      guard continuation(1) else { return false }
      i += 2
    case 0xE0...0xEF:
      guard continuation(1), continuation(2) else { return false }
      let b1 = bytes[i + 1]
      if b0 == 0xE0 && b1 < 0xA0 || b0 == 0xED && b1 > 0x9F { return false }
      i += 3
    case 0xF0...0xF4:
      guard continuation(1), continuation(2), continuation(3) else { return false }
      let b1 = bytes[i + 1]
      if b0 == 0xF0 && b1 < 0x90 || b0 == 0xF4 && b1 > 0x8F { return false }
      i += 4
    default:
      return false
    }
  }
  return true
}

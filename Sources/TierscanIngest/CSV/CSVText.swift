import Foundation
import TierscanCore

/// Brings a CSV file's bytes to UTF-8 before parsing (docs/encodings.md): UTF-8 with or without a
/// BOM as is; UTF-16 LE/BE with a BOM decoded; Windows-1252 or Latin-1 transcoded when asked with
/// `--encoding`. Line structure is unchanged, so provenance lines are those of the original file.
enum CSVText {
  /// The UTF-8 bytes to parse and an info finding when the file was decoded from another
  /// encoding; `nil` bytes with an error finding when a UTF-16 file does not decode.
  static func utf8(_ data: Data, encoding: InputEncoding?, displayPath: String) -> (data: Data?, finding: Finding?) {
    let at = Provenance(file: displayPath)
    if let encoding {
      return (transcode(data, from: encoding), Finding(.info, .decodedEncoding, at: at, "read as \(encoding.rawValue) (--encoding)"))
    }
    let bom = data.prefix(2)
    let utf16: (String.Encoding, String)? =
      bom == Data([0xFF, 0xFE]) ? (.utf16LittleEndian, "UTF-16 LE") : bom == Data([0xFE, 0xFF]) ? (.utf16BigEndian, "UTF-16 BE") : nil
    guard let (encoding, name) = utf16 else { return (data, nil) }
    guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: encoding) else {
      return (nil, Finding(.error, .invalidEncoding, at: at, "\(name) byte-order mark, but the text is not valid \(name); file not read"))
    }
    return (Data(text.utf8), Finding(.info, .decodedEncoding, at: at, "read as \(name) (byte-order mark)"))
  }

  /// `data` in `encoding`, as UTF-8.
  static func transcode(_ data: Data, from encoding: InputEncoding) -> Data {
    var out = [UInt8]()
    out.reserveCapacity(data.count + data.count / 8)
    for byte in data {
      let scalar: UInt32
      if byte < 0x80 {
        out.append(byte)
        continue
      } else if encoding == .windows1252, byte < 0xA0 {
        scalar = windows1252[Int(byte - 0x80)]
      } else {
        scalar = UInt32(byte)
      }
      out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
    }
    return Data(out)
  }

  /// Code points of 0x80–0x9F in Windows-1252 (the five unassigned bytes map to the C1 control of
  /// the same value, as WHATWG's encoding standard does).
  private static let windows1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]

  /// The file-level error for a file that is not UTF-8, naming the encoding it most likely is and
  /// the option that reads it.
  static func notUTF8Finding(_ data: Data, displayPath: String, firstLine: Int?) -> Finding {
    var c1 = 0
    var high = 0
    var zeros = 0
    var firstHigh: UInt8?
    var previousHigh = false
    var pairs = 0
    var iterator = UTF8Scan(data)
    while let (byte, isInvalid) = iterator.next() {
      if byte == 0 { zeros += 1 }
      guard isInvalid else {
        previousHigh = false
        continue
      }
      if firstHigh == nil { firstHigh = byte }
      high += 1
      if byte >= 0x80 && byte < 0xA0 { c1 += 1 }
      if previousHigh { pairs += 1 }
      previousHigh = true
    }
    let guess: String
    if zeros * 4 > data.count {
      guess = "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
    } else if high > 8 && pairs * 3 > high {
      guess = "looks like a multi-byte East Asian encoding (GBK, Big5 or Shift_JIS); save it as UTF-8"
    } else if c1 > 0 {
      guess = "looks like Windows-1252; read it with --encoding windows-1252 (or save it as UTF-8)"
    } else {
      guess = "looks like Latin-1 or Windows-1252; read it with --encoding windows-1252 or --encoding latin1 (or save it as UTF-8)"
    }
    let byte = firstHigh.map { String(format: " (first invalid byte 0x%02X)", $0) } ?? ""
    return Finding(
      .error, .notUtf8, at: Provenance(file: displayPath, line: firstLine), "the file is not UTF-8\(byte): it \(guess)")
  }
}

/// Walks bytes, flagging those that are not part of a valid UTF-8 sequence.
private struct UTF8Scan {
  let bytes: [UInt8]
  var i = 0

  init(_ data: Data) { bytes = Array(data) }

  mutating func next() -> (UInt8, Bool)? {
    guard i < bytes.count else { return nil }
    let b = bytes[i]
    if b < 0x80 {
      i += 1
      return (b, false)
    }
    let length = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
    if length > 0, i + length <= bytes.count, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
      i += length
      return (b, false)
    }
    i += 1
    return (b, true)
  }
}

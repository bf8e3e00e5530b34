import TierscanCore

/// ``NameNormalizer/normalize(_:)`` with a fast path for ASCII names, which are most names in
/// large inputs: for ASCII text, case-folding is lower-casing, NFKD changes nothing, letters and
/// digits are `A-Z a-z 0-9`, and everything else but `.` and `'` is a separator. Whether a final word is
/// a legal form is asked of the normaliser's legal-form set, as bytes
/// (``NameNormalizer/isLegalForm(utf8:)``).
///
/// Names whose other characters all lie in U+0080–U+017F (Latin-1 Supplement, Latin Extended-A)
/// take the same path through a table: what each such character becomes after case-folding,
/// NFKD, dropping marks and turning non-letters into spaces, read from the normaliser itself
/// (`normalize("a" + c + "a")` without legal forms, the surrounding `a`s stripped). Names with
/// any other character go through the normaliser.
struct NameKeyCache {
  private let normalizer: NameNormalizer
  /// The cleaned UTF-8 bytes of U+0080 + i (a space separates words), or `nil` for a character
  /// the table cannot express (such names go through the normaliser).
  private let latin: [[UInt8]?]
  /// The lower-cased words of the current name, separated by one space, are `bytes[..<length]`
  /// (the rest is room for the next name).
  private var bytes: [UInt8] = []
  private var length = 0
  /// Where each word of ``bytes`` starts.
  private var wordStarts: [Int] = []

  init(normalizer: NameNormalizer) {
    self.normalizer = normalizer
    latin = Self.latinTable
  }

  /// The per-character table for U+0080–U+017F, built once from ``NameNormalizer`` without legal forms.
  /// The most bytes one byte of a name can give: an ASCII byte gives at most itself and a space
  /// before it; a two-byte character at most its ``latin`` bytes (spaces in them stand for the one
  /// space written before each word) and one space more.
  private static let maxGrowth = latinTable.reduce(2) { growth, cleaned in
    max(growth, ((cleaned?.count ?? 0) + 2) / 2)
  }

  private static let latinTable: [[UInt8]?] = {
    let plain = NameNormalizer(legalForms: [])
    return (0x80..<0x180).map { value -> [UInt8]? in
      guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
      let cleaned = Array(plain.normalize("a" + String(Character(scalar)) + "a").utf8)
      guard cleaned.count >= 2, cleaned.first == UInt8(ascii: "a"), cleaned.last == UInt8(ascii: "a") else {
        return nil
      }
      return Array(cleaned[1..<(cleaned.count - 1)])
    }
  }()

  /// The normalised form of `name`, equal to `normalizer.normalize(name)`.
  mutating func key(_ name: String) -> String { withKey(name) { String(decoding: $0, as: UTF8.self) } }

  /// Calls `body` with the UTF-8 bytes of `normalizer.normalize(name)`; names of the fast path
  /// are never made into a `String`.
  mutating func withKey<R>(_ name: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    var name = name
    guard name.withUTF8({ readWords($0) }) else {
      var key = normalizer.normalize(name)
      return key.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
    return bytes.withUnsafeBytes { words in
      var end = length
      var count = wordStarts.count
      while count > 0 {
        let start = wordStarts[count - 1]
        if !normalizer.isLegalForm(utf8: UnsafeRawBufferPointer(rebasing: words[start..<end])) { break }
        count -= 1
        end = max(start - 1, 0)
      }
      return body(UnsafeRawBufferPointer(rebasing: words[0..<(count == 0 ? 0 : end)]))
    }
  }

  /// Fills ``bytes``, ``length`` and ``wordStarts`` with the normalised words of a name of ASCII
  /// and U+0080–U+017F characters (ASCII: lower-cased alphanumerics, `.` and `'` deleted; others
  /// from ``latin``); `false` when the name has any other character.
  private mutating func readWords(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    // Written through a buffer of the largest size the name can give (no capacity check per
    // byte); the buffer and the word starts are taken out of `self` meanwhile (no copies).
    let capacity = utf8.count * Self.maxGrowth
    if bytes.count < capacity { bytes = [UInt8](repeating: 0, count: max(capacity, 2 * bytes.count)) }
    var buffer = bytes
    var writer = WordWriter(wordStarts: wordStarts)
    (bytes, wordStarts) = ([], [])
    writer.wordStarts.removeAll(keepingCapacity: true)
    let latin = self.latin
    let complete = buffer.withUnsafeMutableBufferPointer { out -> Bool in
      var k = 0
      let n = utf8.count
      while k < n {
        let byte = utf8[k]
        k += 1
        if byte >= 0x80 {
          // Two-byte sequences C2 80 ... C5 BF are U+0080 ... U+017F (the input is valid UTF-8).
          guard byte >= 0xC2, byte <= 0xC5, k < n else { return false }
          let value = (Int(byte & 0x1F) << 6) | Int(utf8[k] & 0x3F)
          k += 1
          guard let cleaned = latin[value - 0x80] else { return false }
          for b in cleaned {
            if b == 0x20 { writer.inWord = false } else { writer.append(b, to: out) }
          }
          continue
        }
        switch byte {
        case 0x41...0x5A: writer.append(byte | 0x20, to: out)
        case 0x61...0x7A, 0x30...0x39: writer.append(byte, to: out)
        case 0x2E, 0x27: continue
        default: writer.inWord = false
        }
      }
      return true
    }
    (bytes, length, wordStarts) = (buffer, writer.length, writer.wordStarts)
    return complete
  }

  /// Writes words into a buffer with room for all of them, one space between words.
  private struct WordWriter {
    var wordStarts: [Int]
    var length = 0
    var inWord = false

    @inline(__always)
    mutating func append(_ byte: UInt8, to out: UnsafeMutableBufferPointer<UInt8>) {
      if !inWord {
        if length > 0 {
          out[length] = 0x20
          length += 1
        }
        wordStarts.append(length)
        inWord = true
      }
      out[length] = byte
      length += 1
    }
  }
}

import TierscanCore

/// ``NameNormalizer/normalize(_:)`` with a fast path for ASCII names, which are most names in
/// large inputs: for ASCII text, case-folding is lower-casing, NFKD changes nothing, letters and
/// digits are `A-Z a-z 0-9`, and everything else but `.` and `'` is a separator. Whether a word is
/// a legal form is asked of the normaliser once per distinct final word (a lone word normalises
/// to "" exactly when it is one). Non-ASCII names go through the normaliser.
struct NameKeyCache {
  private let normalizer: NameNormalizer
  private var legalForm: [String: Bool] = [:]
  /// The lower-cased words of the current ASCII name, separated by one space.
  private var bytes: [UInt8] = []
  /// Where each word of ``bytes`` starts.
  private var wordStarts: [Int] = []

  init(normalizer: NameNormalizer) { self.normalizer = normalizer }

  /// The normalised form of `name`, equal to `normalizer.normalize(name)`.
  mutating func key(_ name: String) -> String {
    var name = name
    guard name.withUTF8({ readASCIIWords($0) }) else { return normalizer.normalize(name) }
    var end = bytes.count
    var count = wordStarts.count
    while count > 0 {
      let start = wordStarts[count - 1]
      if !isLegalForm(String(decoding: bytes[start..<end], as: UTF8.self)) { break }
      count -= 1
      end = max(start - 1, 0)
    }
    return count == 0 ? "" : String(decoding: bytes[0..<end], as: UTF8.self)
  }

  private mutating func isLegalForm(_ word: String) -> Bool {
    if let known = legalForm[word] { return known }
    let answer = normalizer.normalize(word).isEmpty
    legalForm[word] = answer
    return answer
  }

  /// Fills ``bytes`` and ``wordStarts`` with the lower-cased alphanumeric words of an ASCII name
  /// (`.` and `'` deleted); `false` when the name is not ASCII.
  private mutating func readASCIIWords(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.removeAll(keepingCapacity: true)
    wordStarts.removeAll(keepingCapacity: true)
    var inWord = false
    for byte in utf8 {
      if byte >= 0x80 { return false }
      switch byte {
      case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
        if !inWord {
          if !bytes.isEmpty { bytes.append(0x20) }
          wordStarts.append(bytes.count)
          inWord = true
        }
        bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      case 0x2E, 0x27: continue
      default: inWord = false
      }
    }
    return true
  }
}

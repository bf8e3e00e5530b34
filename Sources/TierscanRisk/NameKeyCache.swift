import TierscanCore

/// ``NameNormalizer/normalize(_:)`` with a fast path for ASCII names, which are most names in
/// large inputs: for ASCII text, case-folding is lower-casing, NFKD changes nothing, letters and
/// digits are `A-Z a-z 0-9`, and everything else but `.` and `'` is a separator. Whether a word is
/// a legal form is asked of the normaliser once per distinct final word (a lone word normalises
/// to "" exactly when it is one). Non-ASCII names go through the normaliser.
struct NameKeyCache {
  private let normalizer: NameNormalizer
  private var legalForm: [String: Bool] = [:]

  init(normalizer: NameNormalizer) { self.normalizer = normalizer }

  /// The normalised form of `name`, equal to `normalizer.normalize(name)`.
  mutating func key(_ name: String) -> String {
    var name = name
    guard let words = name.withUTF8({ Self.asciiWords($0) }) else { return normalizer.normalize(name) }
    var count = words.count
    while count > 0, isLegalForm(words[count - 1]) { count -= 1 }
    if count == words.count, count == 1 { return words[0] }
    return words[0..<count].joined(separator: " ")
  }

  private mutating func isLegalForm(_ word: String) -> Bool {
    if let known = legalForm[word] { return known }
    let answer = normalizer.normalize(word).isEmpty
    legalForm[word] = answer
    return answer
  }

  /// Lower-cased alphanumeric words of an ASCII name (`.` and `'` deleted), or `nil` when the
  /// name is not ASCII.
  private static func asciiWords(_ utf8: UnsafeBufferPointer<UInt8>) -> [String]? {
    var words: [String] = []
    var word: [UInt8] = []
    for byte in utf8 {
      if byte >= 0x80 { return nil }
      switch byte {
      case 0x41...0x5A: word.append(byte | 0x20)
      case 0x61...0x7A, 0x30...0x39: word.append(byte)
      case 0x2E, 0x27: continue
      default:
        if !word.isEmpty {
          words.append(String(decoding: word, as: UTF8.self))
          word.removeAll(keepingCapacity: true)
        }
      }
    }
    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
    return words
  }
}

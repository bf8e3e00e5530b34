/// A list of words prepared once for many ``TokenSimilarity`` comparisons: the words' bytes in
/// one buffer, their weights, their total weight and the order in which they choose partners.
/// Made by ``TokenSimilarity/prepare(_:)``, so the weights are that similarity's.
public struct WordList: Sendable {
  /// The words, as given.
  public let words: [String]
  /// Every word's bytes, one after the other; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
  let bytes: [UInt8]
  let starts: [Int32]
  let weights: [Double]
  /// Word indices, heavier words first, then in list order (how the shorter side picks partners).
  let order: [Int32]
  /// The sum of the weights, added in list order.
  let totalWeight: Double
  /// Whether every word is ASCII (then bytes equal ⇔ strings equal).
  let isASCII: Bool

  init(_ words: [String], weight: (String) -> Double) {
    self.words = words
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]
    var weights: [Double] = []
    var isASCII = true
    starts.reserveCapacity(words.count + 1)
    weights.reserveCapacity(words.count)
    for word in words {
      for byte in word.utf8 {
        bytes.append(byte)
        if byte >= 0x80 { isASCII = false }
      }
      starts.append(Int32(bytes.count))
      weights.append(weight(word))
    }
    self.bytes = bytes
    self.starts = starts
    self.weights = weights
    self.order = words.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }.map { Int32($0) }
    self.totalWeight = weights.reduce(0, +)
    self.isASCII = isASCII
  }

  /// The number of words.
  public var count: Int { words.count }

  /// The byte length of word `i`.
  func length(_ i: Int) -> Int { Int(starts[i + 1] - starts[i]) }
}

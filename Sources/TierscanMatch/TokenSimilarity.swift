/// Weighted, typo-tolerant token-set similarity of two word lists.
///
/// Each word of the shorter side is paired with its best unpaired word of the other side: equal
/// words score 1, words of at least four letters that begin with the same letter and whose
/// Jaro-Winkler similarity is at least ``softThreshold`` score that similarity (`invalid` and
/// `valid` do not pair) (`textile`/`textil`, `gaungzhou`/`guangzhou`), others
/// 0. A word weighs 1, a generic word (``GenericWords``) less. With `M` the paired weight and `A`,
/// `B` the two sides' weights, the similarity is the mean of containment `M / min(A, B)` and Dice
/// `2M / (A + B)`: a name that is the other name plus words scores high, but not 1.
public struct TokenSimilarity: Sendable {
  /// Least Jaro-Winkler similarity for two different words to pair.
  public static let softThreshold = 0.9

  private let generic: Set<String>
  private let genericWeight: Double

  /// A similarity that weighs the words of `generic` by `genericWeight`.
  public init(generic: Set<String> = GenericWords.names, genericWeight: Double = GenericWords.weight) {
    self.generic = generic
    self.genericWeight = genericWeight
  }

  /// The weight of a word.
  public func weight(_ word: String) -> Double { generic.contains(word) ? genericWeight : 1 }

  /// The similarity in [0, 1]; 0 when either side is empty.
  ///
  /// - Complexity: O(n × m) word comparisons.
  public func similarity(_ a: [String], _ b: [String]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    let longBytes = long.map { Array($0.utf8) }
    var used = [Bool](repeating: false, count: long.count)
    var paired = 0.0
    // Heavier words choose first, so a distinctive word is not taken by a generic one.
    let order = short.indices.sorted { weight(short[$0]) != weight(short[$1]) ? weight(short[$0]) > weight(short[$1]) : $0 < $1 }
    for i in order {
      let word = short[i]
      let bytes = Array(word.utf8)
      var best = -1
      var bestScore = 0.0
      for j in long.indices where !used[j] {
        let score: Double
        if long[j] == word {
          score = 1
        } else if bytes.count >= 4, longBytes[j].count >= 4, bytes[0] == longBytes[j][0] {
          let jw = JaroWinkler.similarity(bytes, longBytes[j])
          score = jw >= Self.softThreshold ? jw : 0
        } else {
          score = 0
        }
        if score > bestScore {
          (best, bestScore) = (j, score)
          if score == 1 { break }
        }
      }
      if best >= 0 {
        used[best] = true
        paired += bestScore * min(weight(word), weight(long[best]))
      }
    }
    let weightA = a.reduce(0) { $0 + weight($1) }
    let weightB = b.reduce(0) { $0 + weight($1) }
    let containment = paired / min(weightA, weightB)
    let dice = 2 * paired / (weightA + weightB)
    return min(1, (containment + dice) / 2)
  }
}

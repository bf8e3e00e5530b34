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

  /// `words` prepared for many comparisons with this similarity's weights.
  public func prepare(_ words: [String]) -> WordList { WordList(words, weight: weight) }

  /// The similarity in [0, 1]; 0 when either side is empty.
  ///
  /// - Complexity: O(n × m) word comparisons.
  public func similarity(_ a: [String], _ b: [String]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    return similarity(prepare(a), prepare(b))
  }

  /// The similarity of two prepared lists (both made by this similarity's ``prepare(_:)``); the
  /// same value as for their words. Lists of up to 64 words are compared without allocating.
  ///
  /// - Complexity: O(n × m) word comparisons.
  public func similarity(_ a: WordList, _ b: WordList) -> Double {
    guard a.count > 0, b.count > 0 else { return 0 }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    let paired = long.count <= 64 ? pairedShort(short, long) : pairedLong(short, long)
    let containment = paired / min(a.totalWeight, b.totalWeight)
    let dice = 2 * paired / (a.totalWeight + b.totalWeight)
    return min(1, (containment + dice) / 2)
  }

  /// The paired weight, the long side's used words as a bit mask.
  private func pairedShort(_ short: WordList, _ long: WordList) -> Double {
    var used: UInt64 = 0
    var paired = 0.0
    short.bytes.withUnsafeBufferPointer { shortBytes in
      long.bytes.withUnsafeBufferPointer { longBytes in
        for i32 in short.order {
          let i = Int(i32)
          let word = UnsafeBufferPointer(rebasing: shortBytes[Int(short.starts[i])..<Int(short.starts[i + 1])])
          var best = -1
          var bestScore = 0.0
          for j in 0..<long.count where used & (1 << UInt64(j)) == 0 {
            let other = UnsafeBufferPointer(rebasing: longBytes[Int(long.starts[j])..<Int(long.starts[j + 1])])
            let score = wordScore(word, other, short, i, long, j)
            if score > bestScore {
              (best, bestScore) = (j, score)
              if score == 1 { break }
            }
          }
          if best >= 0 {
            used |= 1 << UInt64(best)
            paired += bestScore * min(short.weights[i], long.weights[best])
          }
        }
      }
    }
    return paired
  }

  /// The paired weight, the long side's used words as flags (more than 64 words).
  private func pairedLong(_ short: WordList, _ long: WordList) -> Double {
    var used = [Bool](repeating: false, count: long.count)
    var paired = 0.0
    short.bytes.withUnsafeBufferPointer { shortBytes in
      long.bytes.withUnsafeBufferPointer { longBytes in
        for i32 in short.order {
          let i = Int(i32)
          let word = UnsafeBufferPointer(rebasing: shortBytes[Int(short.starts[i])..<Int(short.starts[i + 1])])
          var best = -1
          var bestScore = 0.0
          for j in 0..<long.count where !used[j] {
            let other = UnsafeBufferPointer(rebasing: longBytes[Int(long.starts[j])..<Int(long.starts[j + 1])])
            let score = wordScore(word, other, short, i, long, j)
            if score > bestScore {
              (best, bestScore) = (j, score)
              if score == 1 { break }
            }
          }
          if best >= 0 {
            used[best] = true
            paired += bestScore * min(short.weights[i], long.weights[best])
          }
        }
      }
    }
    return paired
  }

  /// 1 for equal words; the Jaro-Winkler similarity of two words of at least four bytes with the
  /// same first byte when it reaches ``softThreshold``; else 0.
  @inline(__always)
  private func wordScore(
    _ word: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>, _ short: WordList, _ i: Int,
    _ long: WordList, _ j: Int
  ) -> Double {
    let equal =
      short.isASCII && long.isASCII
      ? word.count == other.count && word.elementsEqual(other) : short.words[i] == long.words[j]
    if equal { return 1 }
    guard word.count >= 4, other.count >= 4, word[0] == other[0] else { return 0 }
    let jw = JaroWinkler.similarity(word, other)
    return jw >= Self.softThreshold ? jw : 0
  }
}

/// Jaro-Winkler similarity of two byte strings (prefix scale 0.1, common prefix up to 4, the
/// prefix boost applied when the Jaro similarity exceeds 0.7), as in Winkler (1990) and rapidfuzz.
/// `MARTHA`/`MARHTA` 0.961, `DWAYNE`/`DUANE` 0.840, `DIXON`/`DICKSONX` 0.813.
public enum JaroWinkler {
  /// The similarity in [0, 1]; 1 for two equal strings (two empty strings included).
  ///
  /// - Complexity: O(n × m) in the worst case, O(n × w) with w the match window.
  public static func similarity(_ a: String, _ b: String) -> Double {
    similarity(Array(a.utf8), Array(b.utf8))
  }

  /// The similarity of two byte arrays.
  public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    if a == b { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    let jaro = self.jaro(a, b)
    guard jaro > 0.7 else { return jaro }
    var prefix = 0
    while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
  }

  private static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
    let window = max(0, max(a.count, b.count) / 2 - 1)
    var aMatched = [Bool](repeating: false, count: a.count)
    var bMatched = [Bool](repeating: false, count: b.count)
    var matches = 0
    for i in a.indices {
      let low = max(0, i - window)
      let high = min(b.count - 1, i + window)
      guard low <= high else { continue }
      for j in low...high where !bMatched[j] && a[i] == b[j] {
        aMatched[i] = true
        bMatched[j] = true
        matches += 1
        break
      }
    }
    guard matches > 0 else { return 0 }
    var transpositions = 0
    var j = 0
    for i in a.indices where aMatched[i] {
      while !bMatched[j] { j += 1 }
      if a[i] != b[j] { transpositions += 1 }
      j += 1
    }
    let m = Double(matches)
    return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
  }
}

/// Jaro-Winkler similarity of two byte strings (prefix scale 0.1, common prefix up to 4, the
/// prefix boost applied when the Jaro similarity exceeds 0.7), as in Winkler (1990) and rapidfuzz.
/// `MARTHA`/`MARHTA` 0.961, `DWAYNE`/`DUANE` 0.840, `DIXON`/`DICKSONX` 0.813.
///
/// Strings of at most 64 bytes are compared with bit masks and no allocation (names and words
/// almost always are); longer ones with two flag arrays. Both give the same value.
public enum JaroWinkler {
  /// The similarity in [0, 1]; 1 for two equal strings (two empty strings included).
  ///
  /// - Complexity: O(n × m) in the worst case, O(n × w) with w the match window.
  public static func similarity(_ a: String, _ b: String) -> Double {
    similarity(Array(a.utf8), Array(b.utf8))
  }

  /// The similarity of two byte arrays.
  public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b) } }
  }

  /// The similarity of two byte buffers.
  public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
    if a.count == b.count, a.elementsEqual(b) { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    let jaro = a.count <= 64 && b.count <= 64 ? jaroShort(a, b) : jaroLong(a, b)
    guard jaro > 0.7 else { return jaro }
    var prefix = 0
    while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
  }

  private static func result(matches: Int, transpositions: Int, _ n: Int, _ m: Int) -> Double {
    let matched = Double(matches)
    return (matched / Double(n) + matched / Double(m) + (matched - Double(transpositions / 2)) / matched) / 3
  }

  /// Jaro similarity with the matched flags as 64-bit masks.
  private static func jaroShort(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
    let window = max(0, max(a.count, b.count) / 2 - 1)
    var aMatched: UInt64 = 0
    var bMatched: UInt64 = 0
    var matches = 0
    for i in 0..<a.count {
      let low = max(0, i - window)
      let high = min(b.count - 1, i + window)
      guard low <= high else { continue }
      let byte = a[i]
      for j in low...high where bMatched & (1 << UInt64(j)) == 0 && byte == b[j] {
        aMatched |= 1 << UInt64(i)
        bMatched |= 1 << UInt64(j)
        matches += 1
        break
      }
    }
    guard matches > 0 else { return 0 }
    var transpositions = 0
    var j = 0
    for i in 0..<a.count where aMatched & (1 << UInt64(i)) != 0 {
      while bMatched & (1 << UInt64(j)) == 0 { j += 1 }
      if a[i] != b[j] { transpositions += 1 }
      j += 1
    }
    return result(matches: matches, transpositions: transpositions, a.count, b.count)
  }

  /// Jaro similarity with flag arrays, for strings longer than 64 bytes.
  private static func jaroLong(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
    let window = max(0, max(a.count, b.count) / 2 - 1)
    var aMatched = [Bool](repeating: false, count: a.count)
    var bMatched = [Bool](repeating: false, count: b.count)
    var matches = 0
    for i in 0..<a.count {
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
    for i in 0..<a.count where aMatched[i] {
      while !bMatched[j] { j += 1 }
      if a[i] != b[j] { transpositions += 1 }
      j += 1
    }
    return result(matches: matches, transpositions: transpositions, a.count, b.count)
  }
}

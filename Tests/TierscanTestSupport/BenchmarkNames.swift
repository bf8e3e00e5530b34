/// Pieces of names shaped as the realistic benchmark's entity and risk-list names (common words,
/// a legal form, a five-byte code `T….` of which a quarter has no digit), shared by the property
/// tests of the name-fuzzy screening and of `resolve`'s risk-list pass.
public enum BenchmarkNames {
  /// Common name words, with typo pairs among them (`textile`/`textil`, `royal`/`royale`).
  public static let common = [
    "royal", "pacific", "circuit", "great", "metals", "dragon", "battery", "industrial", "textile", "sun", "trading",
    "global", "tungsten", "smelter", "river", "rubber", "textil", "royale",
  ]
  /// Legal forms (one empty: a name without one).
  public static let legal = ["Co Ltd", "Ltd", "Limited", "", "Inc", "S.A."]
  /// The bytes of a code after its `T`.
  public static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

  /// One of `items`, drawn from `rng`.
  public static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

  /// A code `T` + four bytes; a quarter without a digit, as the benchmark's codes.
  public static func code(_ rng: inout SplitMix64) -> String {
    let letters = rng.next() % 4 == 0 ? Array("abcdefghijklmnopqrstuvwxyz") : alphabet
    return "T" + String((0..<4).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
  }
}

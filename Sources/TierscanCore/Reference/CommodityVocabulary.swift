/// Commodity words and HS codes mapped to the canonical commodity names the ILAB list and the
/// country-risk tables use (docs/commodities.md). Shipped as the editable resource
/// `commodity-vocabulary.json` of TierscanIngest; the risk stage maps an edge's `commodity` and
/// `hs_code` and an entity's `commodities` through it before country-commodity matching.
public struct CommodityVocabulary: Sendable, Hashable {
  /// How a value became a canonical commodity.
  public struct Mapping: Sendable, Hashable {
    /// The canonical commodity.
    public var commodity: String
    /// `canonical`, `synonym`, `plural` or `hs <prefix>`.
    public var how: String

    /// Creates a mapping.
    public init(commodity: String, how: String) {
      self.commodity = commodity
      self.how = how
    }
  }

  /// Lower-cased word → mapping (canonical names, synonyms and plurals).
  private var words: [String: Mapping] = [:]
  /// HS code prefix (digits only) → canonical commodity.
  private var hsPrefixes: [String: String] = [:]
  /// Prefix lengths present, longest first.
  private var prefixLengths: [Int] = []

  /// An empty vocabulary: every value maps to itself only.
  public init() {}

  /// Whether the vocabulary has no entries.
  public var isEmpty: Bool { words.isEmpty && hsPrefixes.isEmpty }

  /// Reads the vocabulary's JSON: `commodities` → {canonical: {synonyms: [...], hs: [...]}}.
  ///
  /// - Throws: the parse error of invalid JSON.
  public init(json bytes: [UInt8]) throws(JSONParser.ParseError) {
    let json = try JSONParser.parse(bytes: bytes)
    for (name, entry) in json["commodities"]?.objectValue ?? [] {
      let canonical = name.lowercased()
      add(canonical, Mapping(commodity: canonical, how: "canonical"))
      for synonym in entry["synonyms"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
        add(synonym.lowercased(), Mapping(commodity: canonical, how: "synonym"))
      }
      for code in entry["hs"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
        let digits = Self.digits(code)
        if !digits.isEmpty, hsPrefixes[digits] == nil { hsPrefixes[digits] = canonical }
      }
    }
    prefixLengths = Set(hsPrefixes.keys.map(\.count)).sorted(by: >)
  }

  private mutating func add(_ word: String, _ mapping: Mapping) {
    if words[word] == nil { words[word] = mapping }
  }

  /// The canonical commodity of a word (trimmed, any case): itself when canonical, a synonym's
  /// canonical name, or a plural's (`…s`, `…es`, `…ies` → `…y`); `nil` when unknown.
  public func canonical(_ raw: String) -> Mapping? {
    let word = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    if let mapping = words[word] { return mapping }
    for singular in Self.singulars(of: word) {
      if let mapping = words[singular] { return Mapping(commodity: mapping.commodity, how: "plural") }
    }
    // A word that looks like an HS code.
    if !word.isEmpty, word.allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) { return commodity(forHS: word) }
    return nil
  }

  /// The canonical commodity of an HS code (`6110`, `6110.20`, `611020`): the longest listed
  /// prefix of its digits.
  public func commodity(forHS raw: String) -> Mapping? {
    let digits = Self.digits(raw)
    guard digits.count >= 2 else { return nil }
    for length in prefixLengths where length <= digits.count {
      let prefix = String(digits.prefix(length))
      if let commodity = hsPrefixes[prefix] { return Mapping(commodity: commodity, how: "hs \(prefix)") }
    }
    return nil
  }

  private static func digits(_ text: String) -> String { String(text.filter(\.isNumber)) }

  private static func singulars(of word: String) -> [String] {
    var result: [String] = []
    if word.hasSuffix("ies") { result.append(String(word.dropLast(3)) + "y") }
    if word.hasSuffix("es") { result.append(String(word.dropLast(2))) }
    if word.hasSuffix("s") { result.append(String(word.dropLast())) }
    result.append(word + "s")
    return result
  }
}

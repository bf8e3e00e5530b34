import TierscanCore

/// The commodity words and HS codes of a graph as the country-commodity rule sees them
/// (docs/commodities.md): which values the vocabulary mapped to which canonical commodity (the
/// rule's evidence), and which it does not know (one info finding `unmapped-commodity` per
/// value, with how often it occurs). Only computed when some row names a commodity.
struct CommodityUsage {
  /// Country + canonical commodity → `value→commodity (how)` descriptions of the values of
  /// entities in that country (own commodities, or supplied on an edge) mapped to it.
  private var mappedTo: [String: [String]] = [:]
  /// Unknown values with their occurrence counts, sorted by value.
  private var unmapped: [(value: String, what: String, count: Int)] = []
  private let vocabulary: CommodityVocabulary

  /// - Complexity: O(V·c + E) for c commodities per entity.
  init(graph: SupplyGraph, rows: [CountryRiskEntry], vocabulary: CommodityVocabulary) {
    self.vocabulary = vocabulary
    guard rows.contains(where: { $0.commodity != nil }) else { return }
    let columns = graph.relationships.columns
    let entities = graph.entities
    let from = graph.relationships.from
    // Each distinct string read as a word and as an HS code, once.
    let asWord = columns.strings.map { vocabulary.canonical($0) }
    let asCode = columns.strings.map { vocabulary.commodity(forHS: $0) }
    let wordIsNoted = asWord.map { $0.map { $0.how != "canonical" } ?? false }
    var wordCounts = [Int](repeating: 0, count: columns.strings.count)
    var codeCounts = [Int](repeating: 0, count: columns.strings.count)
    var mapped: [String: Set<String>] = [:]
    func note(_ value: String, _ mapping: CommodityVocabulary.Mapping, country: String?, code: Bool) {
      guard code || mapping.how != "canonical" else { return }
      let text = code ? "hs_code \(value)→\(mapping.commodity) (\(mapping.how))" : "\(value)→\(mapping.commodity) (\(mapping.how))"
      mapped[Self.key(country, mapping.commodity), default: []].insert(text)
    }
    // (country, string, as code) triples already noted: millions of edges repeat a few thousand
    // of them, and each note builds a description string. Countries are numbered once per
    // distinct country of the table (-1: none), so an edge looks up a bit (``NotedValues``).
    var numbers: [String: Int32] = [:]
    var countries: [String] = []
    let numberOfCountryID = [Int32(-1)] + entities.countryValues.map { name -> Int32 in
      if let number = numbers[name] { return number }
      countries.append(name)
      numbers[name] = Int32(countries.count - 1)
      return Int32(countries.count - 1)
    }
    let countryNumber = entities.indices.map { numberOfCountryID[entities.countryID(of: $0)] }
    var noted = NotedValues(countries: countries.count, strings: columns.strings.count)
    func country(of v: Int) -> Int32 { countryNumber[v] }
    func name(_ number: Int32) -> String? { number < 0 ? nil : countries[Int(number)] }
    for r in columns.type.indices where columns.type[r] == .supplies {
      let word = Int(columns.commodity[r])
      if word >= 0 {
        wordCounts[word] += 1
        // A word mapped by its canonical name is never noted (see `note`).
        if wordIsNoted[word], let mapping = asWord[word] {
          let supplier = country(of: Int(from[r]))
          if noted.insert(country: supplier, string: word, code: false) {
            note(columns.strings[word], mapping, country: name(supplier), code: false)
          }
        }
      }
      let code = Int(columns.hsCode[r])
      if code >= 0 {
        codeCounts[code] += 1
        if let mapping = asCode[code] {
          let supplier = country(of: Int(from[r]))
          if noted.insert(country: supplier, string: code, code: true) {
            note(columns.strings[code], mapping, country: name(supplier), code: true)
          }
        }
      }
    }
    var unknownWords: [String: Int] = [:]
    for (i, count) in wordCounts.enumerated() where count > 0 && asWord[i] == nil {
      unknownWords[columns.strings[i], default: 0] += count
    }
    // Entities repeat a few (country, commodity list) pairs: each pair is looked at once, and
    // each list's names are counted once with the number of entities that have it, lists in
    // order of first appearance (so every name is met first where the entity loop met it).
    // Each distinct name is mapped once, and noted once per country.
    var canonicalOf: [String: CommodityVocabulary.Mapping?] = [:]
    func mapping(of name: String) -> CommodityVocabulary.Mapping? {
      if let known = canonicalOf[name] { return known }
      let mapping = vocabulary.canonical(name)
      canonicalOf[name] = .some(mapping)
      return mapping
    }
    var notedNames = Set<NotedName>()
    var seenPairs = Set<Int>()
    let listCount = entities.commodityListCount
    var uses = [Int](repeating: 0, count: listCount)
    var listsInOrder: [Int] = []
    for v in 0..<graph.entityCount {
      let list = entities.commodityListID(of: v)
      guard list != 0 else { continue }  // list 0 is the empty list
      if uses[list] == 0 { listsInOrder.append(list) }
      uses[list] += 1
      guard seenPairs.insert(entities.countryID(of: v) * listCount + list).inserted else { continue }
      let country = entities.country(of: v)
      for name in entities.commodities(ofListID: list) {
        if let known = mapping(of: name),
          notedNames.insert(NotedName(country: country, name: name)).inserted
        {
          note(name, known, country: country, code: false)
        }
      }
    }
    for list in listsInOrder {
      for name in entities.commodities(ofListID: list) where mapping(of: name) == nil {
        unknownWords[name, default: 0] += uses[list]
      }
    }
    var unknown = unknownWords.map { (value: $0.key, what: "commodity", count: $0.value) }
    for (i, count) in codeCounts.enumerated() where count > 0 && asCode[i] == nil {
      unknown.append((columns.strings[i], "hs_code", count))
    }
    mappedTo = mapped.mapValues { $0.sorted() }
    unmapped = unknown.sorted { ($0.what, $0.value) < ($1.what, $1.value) }
  }

  /// The (supplier country, relationship string, read as a word or as an HS code) triples
  /// already noted: a bit each while the table of all triples is small (a few countries and
  /// strings), else a hash set.
  private struct NotedValues {
    private let strings: Int
    private var bits: [UInt64]
    private var set = Set<Int>()
    private let usesBits: Bool

    init(countries: Int, strings: Int) {
      self.strings = strings
      let triples = (countries + 1) * strings * 2
      usesBits = triples <= 1 << 24
      bits = usesBits ? [UInt64](repeating: 0, count: (triples + 63) / 64) : []
    }

    /// Notes a triple (`country` -1: none); whether it is new.
    mutating func insert(country: Int32, string: Int, code: Bool) -> Bool {
      let key = ((Int(country) + 1) * strings + string) * 2 + (code ? 1 : 0)
      guard usesBits else { return set.insert(key).inserted }
      let mask: UInt64 = 1 << UInt64(key & 63)
      if bits[key >> 6] & mask != 0 { return false }
      bits[key >> 6] |= mask
      return true
    }
  }

  /// An entity commodity name noted for a country.
  private struct NotedName: Hashable {
    var country: String?
    var name: String
  }

  private static func key(_ country: String?, _ commodity: String) -> String { (country ?? "") + "\u{1F}" + commodity }

  /// Evidence for a country-commodity rule: the values of suppliers in the row's country that
  /// reached its commodity through the vocabulary (nothing when all matched by the canonical name).
  func evidence(for row: CountryRiskEntry) -> [(String, JSONValue)] {
    guard let commodity = row.commodity else { return [] }
    let values = mappedTo[Self.key(row.country, vocabulary.canonical(commodity)?.commodity ?? commodity)] ?? []
    return values.isEmpty ? [] : [("commodity_vocabulary", .string(values.joined(separator: "; ")))]
  }

  /// One info finding per unknown value.
  func report(into findings: inout FindingLog) {
    for entry in unmapped {
      findings.add(
        .info, .unmappedCommodity, at: nil,
        "\(entry.what) '\(entry.value)' (\(entry.count) occurrence\(entry.count == 1 ? "" : "s")) is not in the commodity "
          + "vocabulary: country-commodity rows that name a commodity cannot match it (docs/commodities.md)",
        evidence: [Attribute(entry.what, entry.value), Attribute("count", String(entry.count))])
    }
  }
}

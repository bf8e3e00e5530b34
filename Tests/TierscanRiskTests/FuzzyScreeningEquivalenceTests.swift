import Testing
import TierscanCore
import TierscanMatch
@testable import TierscanRisk
import TierscanTestSupport

/// The fast `name-fuzzy` screening (interned blocks, counting in arrays, ``ScoreBound`` pruning,
/// prepared word lists, allocation-free Jaro-Winkler) gives exactly the matches of the simple
/// reference: every entity, its candidates ranked from a dictionary of blocks rebuilt here from
/// ``BlockingKeys``, every candidate scored by ``PairScorer``, with no filter and no bound. Each
/// pruning step is also checked on its own: ``WordGate`` against ``ScoreBound`` on every pair,
/// the byte-key candidate query against the string-key one. The
/// token-set and Jaro-Winkler similarities are compared with textbook copies of the original code.
@Suite struct FuzzyScreeningEquivalenceTests {
  // MARK: random names with variants

  static let words = [
    "golden", "jinlin", "zhucheng", "hengwei", "merlet", "shaowu", "centro", "textile", "textil", "garment",
    "knitting", "clothing", "apparel", "youngone", "young", "one", "dragon", "pacific", "huamei", "jinjiang",
    "guangzhou", "gaungzhou", "shenzhen", "unit", "branch", "second", "no", "2", "3", "t0001", "t0002", "tabcd",
    "mills", "international", "trading", "industrias", "sun", "star", "abcd", "ab", "cd",
  ]
  static let legal = ["Co., Ltd.", "CO.LTD", "Ltd", "Limited", "S.A. de C.V.", "Pvt. Ltd.", "Sdn. Bhd.", "GmbH & Co. KG", "TNHH", "Inc", ""]
  static let places = ["(Shaowu)", "(Shenzhen)", "[Arad]", "(Unit 2)", "(Cutting)"]
  static let countries: [String?] = ["CN", "CN", "CN", "VN", "BD", nil]

  static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

  static func randomName(_ rng: inout SplitMix64) -> String {
    let count = 1 + Int(rng.next() % 4)
    var parts = (0..<count).map { _ in pick(words, &rng) }
    if rng.next() % 4 == 0 { parts[0] = parts[0].uppercased() }
    if rng.next() % 6 == 0 { parts.append(pick(places, &rng)) }
    return (parts.joined(separator: " ") + " " + pick(legal, &rng)).trimmingSpaces
  }

  /// A variant as real lists write it: legal form, case, punctuation, `&`, an accent, a typo, a place.
  static func variant(of name: String, _ rng: inout SplitMix64) -> String {
    var text = name
    switch rng.next() % 8 {
    case 0: text = text.uppercased()
    case 1: text = text.replacingAll(" ", with: ".")
    case 2: text += " & " + pick(words, &rng)
    case 3: text = text.replacingAll("e", with: "é")
    case 4: text += " " + pick(places, &rng)
    case 5:
      var bytes = Array(text.utf8)
      if bytes.count > 3 { bytes.swapAt(1, 2) }
      text = String(decoding: bytes, as: UTF8.self)
    case 6: text = text.replacingAll(" Ltd", with: "")
    default: text += " " + pick(legal, &rng)
    }
    return text
  }

  static func randomCase(seed: UInt64, entities: Int, rows: Int) -> (SupplyGraph, [RiskListEntry]) {
    var rng = SplitMix64(state: seed)
    var records: [EntityRecord] = []
    var names: [String] = []
    for i in 0..<entities {
      let name = randomName(&rng)
      names.append(name)
      var attributes: [Attribute] = []
      if rng.next() % 5 == 0 { attributes.append(Attribute("address", pick(["No. 1 Jinlin Road", "Zone 3 Dhaka", "12 Main St"], &rng))) }
      let lei: String? = rng.next() % 10 == 0 ? "LEI\(rng.next() % 5)" : nil
      let aliases = rng.next() % 8 == 0 ? [randomName(&rng)] : []
      records.append(
        EntityRecord(
          id: "E\(i)", name: name, country: pick(countries, &rng), identifiers: Identifiers(lei: lei), aliases: aliases,
          attributes: attributes, provenance: Provenance(file: "e.csv", line: i + 2)))
    }
    var list: [RiskListEntry] = []
    for r in 0..<rows {
      let name = rng.next() % 3 == 0 ? randomName(&rng) : variant(of: pick(names, &rng), &rng)
      var attributes: [Attribute] = []
      if rng.next() % 6 == 0 { attributes.append(Attribute("address", pick(["No. 1 Jinlin Rd", "Zone 3, Dhaka", "99 Other Ave"], &rng))) }
      let lei: String? = rng.next() % 12 == 0 ? "LEI\(rng.next() % 5)" : nil
      list.append(
        RiskListEntry(
          list: "L", name: name, category: "forced_labour", country: pick(countries, &rng),
          identifiers: Identifiers(lei: lei), provenance: Provenance(file: "l.csv", line: r + 2), attributes: attributes))
    }
    var findings = FindingLog()
    return (GraphBuilder().build(entityRecords: records, relationshipRecords: [], findings: &findings), list)
  }

  // MARK: the reference

  /// The candidates of the original `BlockingIndex`: a dictionary of scoped keys, shared-key
  /// weights in a dictionary, ranked by weight then index, the best `maxCandidates`.
  struct ReferenceIndex {
    var blocks: [String: [Int]] = [:]
    var scopesOfKey: [String: [String]] = [:]
    let config: MatchConfig

    init(_ records: [PreparedRecord], config: MatchConfig) {
      self.config = config
      for (i, record) in records.enumerated() {
        let scope = BlockingKeys.scope(record.record.country)
        for key in BlockingKeys.nameKeys(of: record) {
          let scoped = scope + "|" + key
          if blocks[scoped] == nil { scopesOfKey[key, default: []].append(scoped) }
          blocks[scoped, default: []].append(i)
        }
        for key in BlockingKeys.identifierKeys(of: record) { blocks[key, default: []].append(i) }
      }
    }

    func candidates(of query: PreparedRecord, where accept: (Int) -> Bool = { _ in true }) -> [Int] {
      var shared: [Int: Int] = [:]
      func visit(_ key: String, weight: Int) {
        guard let members = blocks[key], members.count <= config.maxBlock else { return }
        for member in members { shared[member, default: 0] += weight }
      }
      for key in BlockingKeys.identifierKeys(of: query) { visit(key, weight: 100) }
      for key in BlockingKeys.nameKeys(of: query) {
        let weight = key.hasPrefix("p:") ? 1 : 2
        if let country = query.record.country {
          visit(country + "|" + key, weight: weight)
          visit("*|" + key, weight: weight)
        } else {
          for scoped in scopesOfKey[key] ?? [] { visit(scoped, weight: weight) }
        }
      }
      return shared.filter { accept($0.key) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(config.maxCandidates).map(\.key).sorted()
    }
  }

  struct Found: Equatable, CustomStringConvertible {
    let row: Int
    let entity: Int
    let decision: MatchDecision
    let features: MatchFeatures
    var description: String { "row \(row) entity \(entity) \(decision.rawValue) \(features.summary)" }
  }

  static func reference(_ graph: SupplyGraph, _ rows: [RiskListEntry], _ config: MatchConfig) -> [Found] {
    let records = rows.map { PreparedRecord(MatchRecord(row: $0)) }
    let index = ReferenceIndex(records, config: config)
    let scorer = PairScorer(config: config)
    var found: [Found] = []
    for v in graph.entities.indices where !graph.entities[v].isPlaceholder {
      let query = PreparedRecord(MatchRecord(entity: graph.entities[v]))
      for r in index.candidates(of: query) {
        let (decision, features) = scorer.score(query, records[r])
        guard decision >= .possible, features.similarity >= config.screening - 1e-12 else { continue }
        found.append(Found(row: r, entity: v, decision: decision, features: features))
      }
    }
    return found.sorted { $0.row != $1.row ? $0.row < $1.row : $0.entity < $1.entity }
  }

  static func fast(_ graph: SupplyGraph, _ rows: [RiskListEntry], _ config: MatchConfig) -> ([Found], FuzzyRiskListMatcher.Work) {
    let (matches, work) = FuzzyRiskListMatcher(rows: rows, config: config).screen(graph)
    return (matches.map { Found(row: $0.row, entity: Int($0.entity), decision: $0.decision, features: $0.features) }, work)
  }

  static func describe(_ found: [Found], _ graph: SupplyGraph, _ rows: [RiskListEntry]) -> String {
    found.prefix(5).map { "'\(graph.entities[$0.entity].name)' (\(graph.entities[$0.entity].country ?? "-")) ~ '\(rows[$0.row].name)' (\(rows[$0.row].country ?? "-")) \($0.features.summary)" }
      .joined(separator: "; ")
  }

  // MARK: tests

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func screeningEqualsReference(seed: UInt64) {
    let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
    // Small blocks and few candidates exercise the skipped blocks and the top-k cut; the
    // defaults the common case; a low threshold the bound's edge.
    for config in [
      MatchConfig(), MatchConfig(maxBlock: 6, maxCandidates: 3), MatchConfig(possible: 0.6, screening: 0.6),
      MatchConfig(possible: 0.95, same: 0.95, screening: 0.97),
    ] {
      let expected = Self.reference(graph, rows, config)
      let (actual, work) = Self.fast(graph, rows, config)
      let missing = expected.filter { !actual.contains($0) }
      let extra = actual.filter { !expected.contains($0) }
      #expect(missing.isEmpty && extra.isEmpty, "seed \(seed), \(config): missing \(Self.describe(missing, graph, rows)), extra \(Self.describe(extra, graph, rows))")
      #expect(actual.count == expected.count)
      // The bound must prune something on these names, or this test proves nothing about it.
      #expect(work.pruned > 0)
      #expect(work.scored + work.pruned == work.candidates)
    }
  }

  /// Screening in many small pieces, with other work beside it, gives the reference's matches
  /// in the same order and the same work counts as one piece, and hands back the other work's
  /// result (the scan runs the exact rules beside the screening).
  @Test(arguments: [1, 3] as [UInt64])
  func screeningInPiecesBesideOtherWorkEqualsReference(seed: UInt64) {
    let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
    let config = MatchConfig()
    let matcher = FuzzyRiskListMatcher(rows: rows, config: config)
    let whole = matcher.screen(graph, piece: graph.entityCount, alongside: { 0 })
    let expected = Self.reference(graph, rows, config)
    for piece in [1, 7, 64] {
      let (matches, work, other) = matcher.screen(graph, piece: piece, alongside: { (1...100).reduce(0, +) })
      #expect(other == 5050)
      let found = matches.map { Found(row: $0.row, entity: Int($0.entity), decision: $0.decision, features: $0.features) }
      #expect(found == expected, "piece \(piece): \(found.count) matches, reference \(expected.count)")
      #expect(work == whole.work, "piece \(piece)")
    }
    #expect(!expected.isEmpty)
  }

  /// Names shaped as the benchmark's (common words and a code, a quarter of the codes without a
  /// digit; rows copying an entity's name, with a typo in its code, a word fewer or more, lighter
  /// rows, aliases): the screening, whose ``ScreeningPrefilter`` clears most entities before their
  /// blocks are visited, gives the reference's matches.
  @Test(arguments: [21, 22] as [UInt64])
  func screeningOfCodedNamesEqualsReference(seed: UInt64) {
    var rng = SplitMix64(state: seed)
    let common = ["royal", "pacific", "circuit", "great", "metals", "dragon", "industrial", "trading", "river", "textile"]
    let legal = ["Co Ltd", "Ltd", "", "S.A."]
    func code() -> String {
      let letters = Array(rng.next() % 4 == 0 ? "abcdefghijklmnopqrstuvwxyz" : "0123456789abcdefghijklmnopqrstuvwxyz")
      return "T" + String((0..<4).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
    }
    func name() -> String {
      ((0..<(1 + Int(rng.next() % 3))).map { _ in Self.pick(common, &rng) } + [code(), Self.pick(legal, &rng)])
        .joined(separator: " ").trimmingSpaces
    }
    var records: [EntityRecord] = []
    for i in 0..<600 {
      let aliases = rng.next() % 6 == 0 ? [name()] : []
      records.append(
        EntityRecord(
          id: "E\(i)", name: name(), country: Self.pick(Self.countries, &rng), aliases: aliases,
          provenance: Provenance(file: "e.csv", line: i + 2)))
    }
    var rows: [RiskListEntry] = []
    for r in 0..<300 {
      var text = Self.pick(records, &rng).name ?? ""
      switch rng.next() % 6 {
      case 0:
        var chars = Array(text)
        if let t = text.firstIndex(of: "T") {
          let at = text.distance(from: text.startIndex, to: t) + 2
          if at < chars.count { chars[at] = chars[at] == "x" ? "y" : "x" }
        }
        text = String(chars)
      case 1: text = text.split(separator: " ").dropFirst().joined(separator: " ")
      case 2: text += " " + Self.pick(common, &rng)
      case 3: text = Self.pick(common, &rng) + " " + code()
      case 4: text = name()
      default: break
      }
      rows.append(
        RiskListEntry(
          list: "L", name: text, category: "forced_labour", country: Self.pick(Self.countries, &rng),
          provenance: Provenance(file: "l.csv", line: r + 2)))
    }
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: records, relationshipRecords: [], findings: &findings)
    for config in [MatchConfig(), MatchConfig(possible: 0.6, screening: 0.6), MatchConfig(maxBlock: 6, maxCandidates: 3)] {
      let expected = Self.reference(graph, rows, config)
      let (actual, work) = Self.fast(graph, rows, config)
      #expect(actual == expected, "seed \(seed), \(config): \(actual.count) matches, reference \(expected.count)")
      #expect(!expected.isEmpty)
      if config == MatchConfig() { #expect(work.cleared > work.entities / 2, "cleared \(work.cleared) of \(work.entities)") }
    }
  }

  /// ``WordGate`` (interned word ids) never rejects a pair ``ScoreBound`` accepts, on every
  /// entity × row pair and several thresholds (down to the address-only edge).
  @Test(arguments: [1, 2, 3] as [UInt64])
  func wordGateNeverRejectsWhatTheBoundAccepts(seed: UInt64) {
    let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
    let records = rows.map { PreparedRecord(MatchRecord(row: $0)) }
    for config in [
      MatchConfig(), MatchConfig(possible: 0.6, screening: 0.6), MatchConfig(possible: 0.3, screening: 0.02),
      MatchConfig(possible: 0.04, screening: 0),
    ] {
      let gate = WordGate(records: records, config: config)
      let bound = ScoreBound(config: config)
      let rowNames = records.map { bound.prepare($0) }
      var query = gate.makeQuery()
      var (accepted, rejected) = (0, 0)
      for entity in graph.entities {
        let prepared = PreparedRecord(MatchRecord(entity: entity))
        let names = bound.prepare(prepared)
        gate.load(
          prepared.names, country: entity.country, identifiers: entity.identifiers,
          hasAddress: prepared.record.address != nil, into: &query)
        for r in records.indices {
          let exact = bound.mayReach(config.screening, prepared, names, records[r], rowNames[r])
          let cheap = gate.mayReach(config.screening, &query, row: r)
          #expect(cheap || !exact, "\(config): gate rejects '\(entity.name)' ~ '\(rows[r].name)' which the bound accepts")
          if exact { accepted += 1 }
          if !cheap { rejected += 1 }
        }
      }
      #expect(accepted > 0)
      // With the default thresholds most pairs must be rejected, or this test proves nothing.
      if config == MatchConfig() { #expect(rejected > graph.entities.count * records.count / 2) }
    }
  }

  /// ``WordGate`` loaded from ``NameWords`` and vocabulary ids (the screening's path) accepts
  /// exactly the rows it accepts loaded from the parsed names, on every entity × row pair.
  @Test(arguments: [1, 2] as [UInt64])
  func wordGateFromNameWordsEqualsFromNames(seed: UInt64) {
    let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
    let records = rows.map { PreparedRecord(MatchRecord(row: $0)) }
    for config in [MatchConfig(), MatchConfig(possible: 0.3, screening: 0.02)] {
      let gate = WordGate(records: records, config: config)
      var (fromNames, fromWords) = (gate.makeQuery(), gate.makeQuery())
      var words = NameWords()
      var accepted = 0
      for entity in graph.entities {
        let prepared = PreparedRecord(MatchRecord(entity: entity))
        gate.load(
          prepared.names, country: entity.country, identifiers: entity.identifiers,
          hasAddress: prepared.record.address != nil, into: &fromNames)
        words.removeAll()
        words.append(entity.name, aliases: entity.aliases)
        let ids = (0..<words.wordCount).map { w in
          words.bytes.withUnsafeBytes { gate.wordID(UnsafeRawBufferPointer(rebasing: $0[words.wordStarts[w]..<words.wordStarts[w + 1]])) }
        }
        gate.load(
          words, ids: ids, country: entity.country, identifiers: entity.identifiers,
          hasAddress: prepared.record.address != nil, into: &fromWords)
        gate.filter(Array(records.indices), reaching: config.screening, &fromNames)
        gate.filter(Array(records.indices), reaching: config.screening, &fromWords)
        #expect(fromNames.passed == fromWords.passed, "'\(entity.name)'")
        accepted += fromNames.passed.count
      }
      #expect(accepted > 0)
    }
  }

  /// ``WordGate`` between two indexed records (the duplicate search) never rejects a pair
  /// ``ScoreBound`` accepts, on every pair of entities and several thresholds.
  @Test(arguments: [1, 2] as [UInt64])
  func wordGateBetweenIndexedRecordsNeverRejectsWhatTheBoundAccepts(seed: UInt64) {
    let (graph, _) = Self.randomCase(seed: seed, entities: 250, rows: 0)
    let records = graph.entities.map { PreparedRecord(MatchRecord(entity: $0)) }
    for config in [MatchConfig(), MatchConfig(possible: 0.6, screening: 0.6), MatchConfig(possible: 0.3, screening: 0.02)] {
      let gate = WordGate(records: records, config: config)
      let bound = ScoreBound(config: config)
      let names = records.map { bound.prepare($0) }
      var (accepted, rejected) = (0, 0)
      for i in records.indices {
        for j in records.indices where j != i {
          let exact = bound.mayReach(bound.leastPossible, records[i], names[i], records[j], names[j])
          let cheap = gate.mayReach(bound.leastPossible, indexed: i, j)
          #expect(cheap || !exact, "\(config): gate rejects '\(graph.entities[i].name)' ~ '\(graph.entities[j].name)'")
          if exact { accepted += 1 }
          if !cheap { rejected += 1 }
        }
      }
      #expect(accepted > 0)
      if config == MatchConfig() { #expect(rejected > records.count * (records.count - 1) / 2) }
    }
  }

  /// The query path that looks keys up by their bytes finds the candidates of the string path.
  @Test(arguments: [1, 4] as [UInt64])
  func byteKeyCandidatesEqualStringKeyCandidates(seed: UInt64) {
    let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
    let records = rows.map { PreparedRecord(MatchRecord(row: $0)) }
    for config in [MatchConfig(), MatchConfig(maxBlock: 6, maxCandidates: 3)] {
      let index = BlockingIndex(records: records, config: config)
      var scratch = index.makeScratch()
      var other = index.makeScratch()
      var total = 0
      for entity in graph.entities {
        let prepared = PreparedRecord(MatchRecord(entity: entity))
        let expected = index.candidates(of: prepared, scratch: &scratch)
        let actual = index.candidates(
          names: PreparedRecord.names(entity.name, aliases: entity.aliases), country: entity.country,
          identifiers: entity.identifiers, scratch: &other)
        #expect(actual == expected, "'\(entity.name)' (\(entity.country ?? "-"))")
        total += expected.count
        // With a filter, as the duplicate search asks.
        let odd = index.candidates(of: prepared, scratch: &scratch, where: { $0 % 2 == 1 })
        let oddBytes = index.candidates(
          names: prepared.names, country: entity.country, identifiers: entity.identifiers, scratch: &other,
          where: { $0 % 2 == 1 })
        #expect(odd == oddBytes, "'\(entity.name)' (\(entity.country ?? "-")), odd rows only")
      }
      #expect(total > 0)
      #expect(scratch.visits == other.visits && scratch.met == other.met)
    }
  }

  @Test func casesHaveMatchesOfEveryKind() {
    var decisions = Set<MatchDecision>()
    var total = 0
    for seed in 1...5 as ClosedRange<UInt64> {
      let (graph, rows) = Self.randomCase(seed: seed, entities: 300, rows: 200)
      let found = Self.reference(graph, rows, MatchConfig())
      total += found.count
      for f in found { decisions.insert(f.decision) }
    }
    #expect(total > 100)
    #expect(decisions == [.possible, .same])
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func duplicatesEqualReference(seed: UInt64) {
    let (graph, _) = Self.randomCase(seed: seed, entities: 300, rows: 0)
    let records = graph.entities.map { PreparedRecord(MatchRecord(entity: $0)) }
    for given in [MatchConfig(), MatchConfig(maxCandidates: 4, duplicatesMaxBlock: 8)] {
      // The reference with the search's own cap (`duplicatesMaxBlock` as its `maxBlock`).
      let config = DuplicateFinder(config: given).config
      let index = ReferenceIndex(records, config: config)
      let scorer = PairScorer(config: config)
      var expected: [[Int]] = []
      var features: [[Int]: MatchFeatures] = [:]
      for i in records.indices {
        for j in index.candidates(of: records[i], where: { $0 != i }) {
          let (l, r) = (min(i, j), max(i, j))
          let (decision, f) = scorer.score(records[l], records[r])
          if decision >= .possible, features[[l, r]] == nil {
            expected.append([l, r])
            features[[l, r]] = f
          }
        }
      }
      expected.sort { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
      let actual = DuplicateFinder(config: config).pairs(in: records)
      #expect(actual.pairs.map { [$0.left, $0.right] } == expected)
      #expect(actual.pairs.allSatisfy { features[[$0.left, $0.right]] == $0.features })
      #expect(!expected.isEmpty)
    }
  }

  @Test func tokenSimilarityEqualsReference() {
    var rng = SplitMix64(state: 42)
    let similarity = TokenSimilarity()
    let vocabulary = Self.words + ["café", "cafe\u{301}", "Über", "a", "textiles", "gaungzho"]
    for _ in 0..<3_000 {
      let a = (0..<Int(rng.next() % 6)).map { _ in Self.pick(vocabulary, &rng) }
      let b = (0..<Int(rng.next() % 6)).map { _ in Self.pick(vocabulary, &rng) }
      #expect(similarity.similarity(a, b) == Self.referenceTokenSimilarity(a, b, similarity))
    }
    // More than 64 words on the long side (the flag-array path).
    let long = (0..<70).map { Self.words[$0 % Self.words.count] + "\($0 / 10)" }
    let short = ["golden0", "jinlin1", "zhucheng2", "zhuchen2"]
    #expect(similarity.similarity(short, long) == Self.referenceTokenSimilarity(short, long, similarity))
  }

  @Test func jaroWinklerEqualsReference() {
    var rng = SplitMix64(state: 7)
    let alphabet = Array("abcdeo0 ".utf8)
    for _ in 0..<5_000 {
      let a = (0..<Int(rng.next() % 80)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      let b = (0..<Int(rng.next() % 80)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      #expect(JaroWinkler.similarity(a, b) == Self.referenceJaroWinkler(a, b))
    }
  }

  // MARK: textbook copies of the original similarity code

  static func referenceTokenSimilarity(_ a: [String], _ b: [String], _ t: TokenSimilarity) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    let longBytes = long.map { Array($0.utf8) }
    var used = [Bool](repeating: false, count: long.count)
    var paired = 0.0
    let order = short.indices.sorted { t.weight(short[$0]) != t.weight(short[$1]) ? t.weight(short[$0]) > t.weight(short[$1]) : $0 < $1 }
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
          let jw = referenceJaroWinkler(bytes, longBytes[j])
          score = jw >= TokenSimilarity.softThreshold ? jw : 0
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
        paired += bestScore * min(t.weight(word), t.weight(long[best]))
      }
    }
    let weightA = a.reduce(0) { $0 + t.weight($1) }
    let weightB = b.reduce(0) { $0 + t.weight($1) }
    let containment = paired / min(weightA, weightB)
    let dice = 2 * paired / (weightA + weightB)
    return min(1, (containment + dice) / 2)
  }

  static func referenceJaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
    if a == b { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
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
    let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
    guard jaro > 0.7 else { return jaro }
    var prefix = 0
    while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }

  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

import TierscanCore

/// An inverted index from blocking keys (``BlockingKeys``) to records, for finding the few records
/// worth scoring against a query. Blocks larger than ``MatchConfig/maxBlock`` are skipped (and
/// counted in ``stats``), so the work per query is bounded: at most `keys × maxBlock` look-ups and
/// ``MatchConfig/maxCandidates`` scorings.
///
/// Keys are interned once: a query looks each of its keys up once and counts shared keys in a
/// ``Scratch`` array (one per worker), never in a dictionary.
public struct BlockingIndex: Sendable {
  /// Figures about the blocks, for reports (`resolve` prints them; `blocks.csv` lists each block).
  public struct Stats: Sendable, Equatable {
    /// Distinct keys (blocks).
    public var blocks = 0
    /// Blocks over ``MatchConfig/maxBlock`` records, never compared.
    public var skippedBlocks = 0
    /// The largest block and its key.
    public var largestBlock = 0
    public var largestKey = ""
    /// Records with no key at all (a name of generic words only and no identifier): never compared.
    public var recordsWithoutKeys = 0
    /// Records in at least one skipped block: a query that shares only such keys with them never
    /// compares them.
    public var recordsInSkippedBlocks = 0
    /// Records with keys that are all in skipped blocks: never compared with anything.
    public var recordsOnlyInSkippedBlocks = 0
    /// The lowest index of a record in a skipped block (to locate a report), `nil` when none is.
    public var firstRecordInSkippedBlock: Int?
  }

  /// Per-worker working memory of ``candidates(of:scratch:where:)``, and what the queries cost.
  public struct Scratch: Sendable {
    fileprivate var shared: [Int32]
    fileprivate var touched: [Int32] = []
    fileprivate var histogram: [Int32] = []
    /// A query's key numbers and its compact name's bytes (``candidates(names:country:identifiers:scratch:)``).
    fileprivate var keys: [Int32] = []
    fileprivate var compact: [UInt8] = []
    /// Block members visited (one per record per shared key).
    public var visits = 0
    /// Distinct records met, over all queries.
    public var met = 0
    /// Candidates returned, over all queries.
    public var candidates = 0

    fileprivate init(records: Int) { shared = [Int32](repeating: 0, count: records) }
  }

  private struct ScopedKey: Hashable {
    let key: Int32
    let scope: Int32
  }

  /// The indexed records.
  public let records: [PreparedRecord]
  /// Block members by block number; `blockKeys` their scoped key text.
  private var members: [[Int32]] = []
  private var blockKeys: [String] = []
  /// Unscoped name key → key number; scope (country or `*`) → scope number (`*` is 0).
  private var keyNumbers: [String: Int32] = [:]
  private var scopeNumbers: [String: Int32] = ["*": 0]
  /// (key, scope) → block; key number → its blocks in every scope (queries without a country).
  private var scopedBlocks: [ScopedKey: Int32] = [:]
  private var blocksOfKey: [[Int32]] = []
  /// Each block's scope number (-1 for an identifier block).
  private var blockScopes: [Int32] = []
  /// Name keys by kind (0 `w:`, 1 `p:`, 2 `n:`) without their tag, by bytes: entry `i` of table
  /// `k` is key number `keyTableNumbers[k][i]`; `keyKinds` gives each key number's kind.
  private var keyTables = [ByteInterner](repeating: ByteInterner(), count: 3)
  private var keyTableNumbers: [[Int32]] = [[], [], []]
  private var keyKinds: [UInt8] = []
  /// ``GenericWords/names`` by bytes.
  private let genericWords: ByteInterner
  /// `members` and `blocksOfKey` flattened for queries: block `b`'s members are
  /// `flatMembers[memberStarts[b] ..< memberStarts[b + 1]]`, key `k`'s blocks
  /// `flatKeyBlocks[keyBlockStarts[k] ..< keyBlockStarts[k + 1]]`.
  private var flatMembers: [Int32] = []
  private var memberStarts: [Int32] = [0]
  private var flatKeyBlocks: [Int32] = []
  private var keyBlockStarts: [Int32] = [0]
  /// Identifier key → block.
  private var identifierBlocks: [String: Int32] = [:]
  public private(set) var stats = Stats()
  private let maxBlock: Int
  private let maxCandidates: Int

  /// Indexes `records`.
  ///
  /// - Complexity: O(n × k) for k keys per record.
  public init(records: [PreparedRecord], config: MatchConfig) {
    self.records = records
    self.maxBlock = config.maxBlock
    self.maxCandidates = config.maxCandidates
    var generic = ByteInterner()
    for word in GenericWords.names.sorted() { _ = generic.intern(word) }
    self.genericWords = generic
    for (i, record) in records.enumerated() {
      let scope = BlockingKeys.scope(record.record.country)
      let names = BlockingKeys.nameKeys(of: record)
      let identifiers = BlockingKeys.identifierKeys(of: record)
      if names.isEmpty && identifiers.isEmpty { stats.recordsWithoutKeys += 1 }
      let scopeNumber = number(scope, in: &scopeNumbers)
      for key in names {
        let keyNumber = number(key, in: &keyNumbers)
        if Int(keyNumber) == blocksOfKey.count {
          blocksOfKey.append([])
          let kind = key.hasPrefix("w:") ? 0 : key.hasPrefix("p:") ? 1 : 2
          _ = keyTables[kind].intern(String(key.dropFirst(2)))
          keyTableNumbers[kind].append(keyNumber)
          keyKinds.append(UInt8(kind))
        }
        let scoped = ScopedKey(key: keyNumber, scope: scopeNumber)
        let block: Int32
        if let existing = scopedBlocks[scoped] {
          block = existing
        } else {
          block = newBlock(scope + "|" + key, scope: scopeNumber)
          scopedBlocks[scoped] = block
          blocksOfKey[Int(keyNumber)].append(block)
        }
        members[Int(block)].append(Int32(i))
      }
      for key in identifiers {
        if identifierBlocks[key] == nil { identifierBlocks[key] = newBlock(key, scope: -1) }
        members[Int(identifierBlocks[key]!)].append(Int32(i))
      }
    }
    stats.blocks = members.count
    for list in members {
      flatMembers.append(contentsOf: list)
      memberStarts.append(Int32(flatMembers.count))
    }
    for blocks in blocksOfKey {
      flatKeyBlocks.append(contentsOf: blocks)
      keyBlockStarts.append(Int32(flatKeyBlocks.count))
    }
    var inSkipped = [Bool](repeating: false, count: records.count)
    var inCompared = [Bool](repeating: false, count: records.count)
    for (block, list) in members.enumerated() {
      if list.count > maxBlock {
        stats.skippedBlocks += 1
        for member in list { inSkipped[Int(member)] = true }
      } else {
        for member in list { inCompared[Int(member)] = true }
      }
      if list.count > stats.largestBlock || (list.count == stats.largestBlock && blockKeys[block] < stats.largestKey) {
        (stats.largestBlock, stats.largestKey) = (list.count, blockKeys[block])
      }
    }
    for i in records.indices where inSkipped[i] {
      stats.recordsInSkippedBlocks += 1
      if !inCompared[i] { stats.recordsOnlyInSkippedBlocks += 1 }
      if stats.firstRecordInSkippedBlock == nil { stats.firstRecordInSkippedBlock = i }
    }
  }

  private func number(_ text: String, in table: inout [String: Int32]) -> Int32 {
    if let n = table[text] { return n }
    let n = Int32(table.count)
    table[text] = n
    return n
  }

  private mutating func newBlock(_ key: String, scope: Int32) -> Int32 {
    members.append([])
    blockKeys.append(key)
    blockScopes.append(scope)
    return Int32(members.count - 1)
  }

  /// Every block as (key, size, compared), sorted by size descending then key; for `blocks.csv`.
  public var blockSizes: [(key: String, size: Int, compared: Bool)] {
    members.indices.map { (blockKeys[$0], members[$0].count, members[$0].count <= maxBlock) }
      .sorted { $0.size != $1.size ? $0.size > $1.size : $0.key < $1.key }
  }

  /// Working memory for queries against this index (one per worker).
  public func makeScratch() -> Scratch { Scratch(records: records.count) }

  /// The indices of the records worth scoring against `query`: those sharing the most keys with
  /// it (at most ``MatchConfig/maxCandidates``; among equals, the lower indices), through blocks
  /// no larger than ``MatchConfig/maxBlock``, in ascending index order. An identifier key counts
  /// 100, a word or whole-name key 2, a prefix key 1. A query with a country meets records of
  /// that country and records without one; a query without a country meets all.
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(
    of query: PreparedRecord, scratch: inout Scratch, where accept: (Int) -> Bool = { _ in true }
  ) -> [Int] {
    func visit(_ block: Int32?, weight: Int32, _ scratch: inout Scratch) {
      guard let block else { return }
      count(block, weight: weight, &scratch)
    }
    for key in BlockingKeys.identifierKeys(of: query) { visit(identifierBlocks[key], weight: 100, &scratch) }
    let names = BlockingKeys.nameKeys(of: query)
    if let country = query.record.country {
      let scope = scopeNumbers[country]
      for key in names {
        guard let keyNumber = keyNumbers[key] else { continue }
        let weight: Int32 = key.hasPrefix("p:") ? 1 : 2
        if let scope { visit(scopedBlocks[ScopedKey(key: keyNumber, scope: scope)], weight: weight, &scratch) }
        visit(scopedBlocks[ScopedKey(key: keyNumber, scope: 0)], weight: weight, &scratch)
      }
    } else {
      for key in names {
        guard let keyNumber = keyNumbers[key] else { continue }
        let weight: Int32 = key.hasPrefix("p:") ? 1 : 2
        for block in blocksOfKey[Int(keyNumber)] { visit(block, weight: weight, &scratch) }
      }
    }
    return finish(&scratch, acceptsAll: false, accept)
  }

  /// ``candidates(of:scratch:where:)`` for a query given as its parsed names (as
  /// ``PreparedRecord/names`` holds them), country and identifiers: the same records, found
  /// without building a key string (keys are looked up by their bytes).
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(
    names: [MatchName], country: String?, identifiers: Identifiers, scratch: inout Scratch
  ) -> [Int] {
    candidates(names: names, country: country, identifiers: identifiers, scratch: &scratch, sorted: true)
  }

  /// ``candidates(names:country:identifiers:scratch:)``, in ascending index order only when
  /// `sorted` (the same records either way; a caller that does not depend on the order saves
  /// the sort).
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(
    names: [MatchName], country: String?, identifiers: Identifiers, scratch: inout Scratch, sorted: Bool
  ) -> [Int] {
    candidates(
      names: names, country: country, identifiers: identifiers, scratch: &scratch, acceptsAll: true, sorted: sorted
    ) { _ in true }
  }

  /// ``candidates(names:country:identifiers:scratch:)`` among the records `accept` accepts (as
  /// ``candidates(of:scratch:where:)`` takes them).
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(
    names: [MatchName], country: String?, identifiers: Identifiers, scratch: inout Scratch,
    where accept: (Int) -> Bool
  ) -> [Int] {
    candidates(
      names: names, country: country, identifiers: identifiers, scratch: &scratch, acceptsAll: false, sorted: true,
      accept)
  }

  private func candidates(
    names: [MatchName], country: String?, identifiers: Identifiers, scratch: inout Scratch, acceptsAll: Bool,
    sorted: Bool, _ accept: (Int) -> Bool
  ) -> [Int] {
    func visit(_ block: Int32, weight: Int32, _ scratch: inout Scratch) { count(block, weight: weight, &scratch) }
    if !identifierBlocks.isEmpty {
      for key in BlockingKeys.identifierKeys(identifiers) {
        if let block = identifierBlocks[key] { visit(block, weight: 100, &scratch) }
      }
    }
    scratch.keys.removeAll(keepingCapacity: true)
    for name in names {
      for word in name.tokens { wordKeys(word, &scratch.keys) }
      for word in name.qualifiers { wordKeys(word, &scratch.keys) }
      guard name.tokens.count > 1 else { continue }
      scratch.compact.removeAll(keepingCapacity: true)
      for word in name.tokens { scratch.compact.append(contentsOf: word.utf8) }
      guard scratch.compact.count >= 4 else { continue }
      let found = scratch.compact.withUnsafeBytes { keyTables[2].index(of: $0) }
      if let found { scratch.keys.append(keyTableNumbers[2][Int(found)]) }
    }
    scratch.keys.sort()
    let scope: Int32 = country.map { scopeNumbers[$0] ?? -2 } ?? -3
    visitKeys(scope: scope, &scratch)
    return finish(&scratch, acceptsAll: acceptsAll, sorted: sorted, accept)
  }

  /// Counts the members of the blocks of `scratch.keys` (sorted; repeats are skipped) in the
  /// scope `scope` (-3: every scope, as for a query without a country; else the scope's blocks,
  /// then the `*` blocks — both for the scope `*` itself, as the string form does).
  private func visitKeys(scope: Int32, _ scratch: inout Scratch) {
    let maxBlock = self.maxBlock
    let (members, memberStarts, keyBlocks, keyBlockStarts) = (flatMembers, self.memberStarts, flatKeyBlocks, self.keyBlockStarts)
    let (blockScopes, keyKinds) = (self.blockScopes, self.keyKinds)
    // The counts and the touched list taken out of the scratch while they are updated.
    var shared: [Int32] = []
    var touched: [Int32] = []
    swap(&shared, &scratch.shared)
    swap(&touched, &scratch.touched)
    var visits = 0
    var previous: Int32 = -1
    for key in scratch.keys where key != previous {
      previous = key
      let weight: Int32 = keyKinds[Int(key)] == 1 ? 1 : 2
      for b in Int(keyBlockStarts[Int(key)])..<Int(keyBlockStarts[Int(key) + 1]) {
        let block = Int(keyBlocks[b])
        let times: Int
        if scope == -3 {
          times = 1
        } else {
          let blockScope = blockScopes[block]
          times = (blockScope == scope ? 1 : 0) + (blockScope == 0 ? 1 : 0)
        }
        let (start, end) = (Int(memberStarts[block]), Int(memberStarts[block + 1]))
        guard times > 0, end - start <= maxBlock else { continue }
        for _ in 0..<times {
          visits += end - start
          for m in start..<end {
            let member = Int(members[m])
            if shared[member] == 0 { touched.append(Int32(member)) }
            shared[member] += weight
          }
        }
      }
    }
    swap(&shared, &scratch.shared)
    swap(&touched, &scratch.touched)
    scratch.visits += visits
  }

  /// The `w:` and `p:` key numbers of one word of a query (as ``BlockingKeys/nameKeys(of:)``).
  private func wordKeys(_ word: String, _ keys: inout [Int32]) {
    var word = word
    word.withUTF8 { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      guard bytes.count >= 2, genericWords.index(of: raw) == nil else { return }
      if let found = keyTables[0].index(of: raw) { keys.append(keyTableNumbers[0][Int(found)]) }
      if bytes.count >= 5, let found = keyTables[1].index(of: UnsafeRawBufferPointer(rebasing: raw[0..<4])) {
        keys.append(keyTableNumbers[1][Int(found)])
      }
    }
  }

  /// Adds `weight` to the count of every member of `block` (a block over `maxBlock` is skipped:
  /// it was not compared), noting members met for the first time in this query.
  @inline(__always)
  private func count(_ block: Int32, weight: Int32, _ scratch: inout Scratch) {
    let list = members[Int(block)]
    guard list.count <= maxBlock else { return }
    scratch.visits += list.count
    for member in list {
      if scratch.shared[Int(member)] == 0 { scratch.touched.append(member) }
      scratch.shared[Int(member)] += weight
    }
  }

  /// Takes the candidates out of the counts and clears them for the next query.
  private func finish(_ scratch: inout Scratch, acceptsAll: Bool, sorted: Bool = true, _ accept: (Int) -> Bool) -> [Int] {
    scratch.met += scratch.touched.count
    let result = top(&scratch, acceptsAll: acceptsAll, sorted: sorted, accept)
    for member in scratch.touched { scratch.shared[Int(member)] = 0 }
    scratch.touched.removeAll(keepingCapacity: true)
    scratch.candidates += result.count
    return result
  }

  /// The accepted touched records with the highest counts (ties: lower index), at most
  /// `maxCandidates`, in ascending index order when `sorted`.
  private func top(_ scratch: inout Scratch, acceptsAll: Bool, sorted: Bool, _ accept: (Int) -> Bool) -> [Int] {
    let accepted = acceptsAll ? scratch.touched : scratch.touched.filter { accept(Int($0)) }
    guard accepted.count > maxCandidates else {
      let all = accepted.map { Int($0) }
      return sorted ? all.sorted() : all
    }
    // The count of the last candidate taken: every record above it is taken, and of those at
    // it the lowest indices fill the rest.
    var highest: Int32 = 0
    for member in accepted { highest = max(highest, scratch.shared[Int(member)]) }
    let threshold: Int32
    if highest < 4096 {
      if scratch.histogram.count <= Int(highest) { scratch.histogram = [Int32](repeating: 0, count: Int(highest) + 1) }
      for member in accepted { scratch.histogram[Int(scratch.shared[Int(member)])] += 1 }
      var taken = 0
      var level = highest
      while true {
        taken += Int(scratch.histogram[Int(level)])
        if taken >= maxCandidates { break }
        level -= 1
      }
      threshold = level
      for member in accepted { scratch.histogram[Int(scratch.shared[Int(member)])] = 0 }
    } else {
      threshold = accepted.map { scratch.shared[Int($0)] }.sorted(by: >)[maxCandidates - 1]
    }
    var result: [Int] = []
    result.reserveCapacity(maxCandidates)
    var ties: [Int32] = []
    for member in accepted {
      let count = scratch.shared[Int(member)]
      if count > threshold {
        result.append(Int(member))
      } else if count == threshold {
        ties.append(member)
      }
    }
    // The lowest indices among the ties, when not all of them fit.
    if ties.count > maxCandidates - result.count { ties.sort() }
    for member in ties.prefix(maxCandidates - result.count) { result.append(Int(member)) }
    if sorted { result.sort() }
    return result
  }
}

import CTierscanPrefetch
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
    fileprivate var ties: [Int32] = []
    fileprivate var accepted: [Int32] = []
    /// The counts of the records met, in `touched` order, read by ``takeTopClearing(_:sorted:within:)``'s
    /// first pass (its second pass reads them here, in order, instead of from the counts again).
    fileprivate var gathered: [Int32] = []
    /// The records a block visit meets for the first time, written by pointer (one per record at
    /// most) and appended to `touched` once per query.
    fileprivate var fresh: [Int32] = []
    /// The candidates of the last query (reused from query to query).
    public fileprivate(set) var result: [Int] = []
    /// A query's key numbers and its compact name's bytes (``candidates(names:country:identifiers:scratch:)``).
    fileprivate var keys: [Int32] = []
    fileprivate var compact: [UInt8] = []
    /// Records met per count, for ``takeTopClearing(_:sorted:)`` (all zero between queries).
    fileprivate var levels = [Int32](repeating: 0, count: BlockingIndex.levelCount)
    /// A bit per record over the span of a query's ties (``BlockingIndex/selectLowestByBits(_:of:bits:)``),
    /// all zero between queries.
    fileprivate var tieBits: [UInt64] = []
    /// Block members visited (one per record per shared key).
    public var visits = 0
    /// Distinct records met, over all queries.
    public var met = 0
    /// Candidates returned, over all queries.
    public var candidates = 0

    fileprivate init(records: Int) { shared = [Int32](repeating: 0, count: records) }
  }


  /// The indexed records.
  public let records: [PreparedRecord]
  /// Name keys (`w:jinlin`, unscoped) by bytes: the entry index is the key number, numbered in
  /// order of first appearance; scope (country or `*`) → scope number (`*` is 0).
  private var keyNumbers = ByteInterner()
  private var scopeNumbers: [String: Int32] = ["*": 0]
  private var scopeNames: [String] = ["*"]
  /// Each block's key number and scope number (-1 for an identifier block, whose key is in
  /// `identifierKeys`).
  private var blockKeyNumbers: [Int32] = []
  private var blockScopes: [Int32] = []
  /// Name keys by kind (0 `w:`, 1 `p:`, 2 `n:`) without their tag, by bytes: entry `i` of table
  /// `k` is key number `keyTableNumbers[k][i]`; `keyKinds` gives each key number's kind. Built
  /// only when `hasKindTables` (``init(records:config:keyLookups:keyRun:splitAt:)``): without them
  /// a look-up by word (``wordKeyNumbers(_:)``) finds the same key numbers in `keyNumbers`, by
  /// the word with its tag.
  private var keyTables = [ByteInterner](repeating: ByteInterner(), count: 3)
  private var hasKindTables = false
  private var keyTableNumbers: [[Int32]] = [[], [], []]
  /// The `p:` and `n:` tables and their key numbers again as plain properties (the same storage),
  /// so a look-up per entity copies no array out of `keyTables` (a retain and a release each).
  private var prefixTable = ByteInterner()
  private var prefixNumbers: [Int32] = []
  private var compactTable = ByteInterner()
  private var compactNumbers: [Int32] = []
  private var keyKinds: [UInt8] = []
  /// ``GenericWords/names`` by bytes.
  private let genericWords: ByteInterner
  /// Block `b`'s members, ascending: `flatMembers[memberStarts[b] ..< memberStarts[b + 1]]`;
  /// key `k`'s blocks, by ascending scope number (so the `*` block, if any, first):
  /// `flatKeyBlocks[keyBlockStarts[k] ..< keyBlockStarts[k + 1]]`.
  private var flatMembers: [Int32] = []
  private var memberStarts: [Int32] = [0]
  private var flatKeyBlocks: [Int32] = []
  private var keyBlockStarts: [Int32] = [0]
  /// Identifier key → block, and back.
  private var identifierBlocks: [String: Int32] = [:]
  private var identifierKeys: [Int32: String] = [:]
  public private(set) var stats = Stats()
  private let maxBlock: Int
  private let maxCandidates: Int
  /// Each record's rank among equal counts and the record of each rank
  /// (``init(records:config:ranks:)``); empty when records rank by their index.
  private var ranks: [Int32] = []
  private var rankedRecords: [Int32] = []
  /// Record `i`'s blocks as its own queries read them (``candidates(indexed:scratch:where:)``),
  /// `recordEntries[recordBlockStarts[i] ..< recordBlockStarts[i + 1]]` in the order they were
  /// added: a name block as its key number (≥ 0), an identifier block `b` as `~b` (< 0); and the
  /// scope its name keys are counted in, `recordScopes[i]` (-3 for a record without a country).
  /// Stored by record, so a query reads its record's keys from one place instead of each block's
  /// key and scope and the record's country scattered over the index and the records
  /// (``RecordEntries``).
  private var recordEntries: [Int32] = []
  private var recordBlockStarts: [Int32] = [0]
  private var recordScopes: [Int32] = []

  /// Indexes `records` as ``init(records:config:)`` does, with the ties of the top-k cut taken by
  /// the lowest rank `ranks[i]` instead of the lowest index `i` (`ranks`: a permutation of
  /// `0..<records.count`), and ``Stats/firstRecordInSkippedBlock`` the record of lowest rank. A
  /// caller that stores the records in another order for locality (records counted together
  /// stored together) passes each record's original index: every query then finds the records it
  /// finds in the original order, renumbered.
  ///
  /// - Complexity: O(n × k) for k keys per record.
  ///
  /// This index is the duplicate search's, queried by indexed record
  /// (``candidates(indexed:within:scratch:)``) and by key numbers translated from another index
  /// (``keyTranslation(to:)``): it builds no per-kind key tables for look-ups by word (at a
  /// million records a serial re-interning of every key, ~0.3 s, and some 100 MB). Such look-ups
  /// (``wordKeyNumbers(_:)``, ``prefixKeyNumber(_:)``, ``compactKeyNumber(_:)``, queries by
  /// names) still give the same numbers, through the keys with their tag.
  public init(records: [PreparedRecord], config: MatchConfig, ranks: [Int32]) {
    precondition(ranks.count == records.count, "one rank per record")
    self.init(records: records, config: config, keyLookups: .byIndexedRecord, keyRun: 1 << 17, splitAt: 4_096)
    var back = [Int32](repeating: -1, count: ranks.count)
    for (i, rank) in ranks.enumerated() {
      precondition(rank >= 0 && Int(rank) < ranks.count && back[Int(rank)] < 0, "ranks must be a permutation")
      back[Int(rank)] = Int32(i)
    }
    self.ranks = ranks
    self.rankedRecords = back
    if stats.firstRecordInSkippedBlock != nil {
      var first = Int32.max
      for block in 0..<blockScopes.count where Int(memberStarts[block + 1] - memberStarts[block]) > maxBlock {
        for m in Int(memberStarts[block])..<Int(memberStarts[block + 1]) { first = min(first, ranks[Int(flatMembers[m])]) }
      }
      stats.firstRecordInSkippedBlock = Int(back[Int(first)])
    }
  }

  /// Indexes `records`. Keys are made and interned as bytes (``nameKeyBytes(_:generic:_:)``),
  /// members gathered in one flat array (no array and no key string per block).
  ///
  /// - Complexity: O(n × k) for k keys per record.
  public init(records: [PreparedRecord], config: MatchConfig) {
    self.init(records: records, config: config, keyLookups: .byWord, keyRun: 1 << 17, splitAt: 4_096)
  }

  /// How an index will mostly be looked up: what it builds for that (the look-ups' results are
  /// the same either way).
  enum KeyLookups {
    /// By word, as the scan's screening queries a risk list's rows: with a table of each kind's
    /// keys without their tag (a look-up per entity word, copying nothing).
    case byWord
    /// By indexed record and by translated key numbers, as the duplicate search: no per-kind
    /// tables (a look-up by word copies the word after its tag first).
    case byIndexedRecord
  }

  /// ``init(records:config:)`` with the records' keys made in runs of `keyRun` records, a run of
  /// at least `splitAt` records in pieces side by side (``RecordNameKeys``): tests make both small
  /// to show that runs and pieces change nothing.
  init(records: [PreparedRecord], config: MatchConfig, keyRun: Int, splitAt: Int) {
    self.init(records: records, config: config, keyLookups: .byWord, keyRun: keyRun, splitAt: splitAt)
  }

  /// ``init(records:config:keyRun:splitAt:)``, with per-kind key tables only for `.byWord`.
  init(records: [PreparedRecord], config: MatchConfig, keyLookups: KeyLookups, keyRun: Int, splitAt: Int) {
    self.records = records
    self.maxBlock = config.maxBlock
    self.maxCandidates = config.maxCandidates
    let generic = Self.genericInterner()
    self.genericWords = generic
    // The records' name keys and their hashes are made in runs, each run in pieces on both
    // cores (``RecordNameKeys``), and numbered in two passes in record order, each on its own
    // core: a run's keys (``KeyNumbering``) beside the run before's blocks (``BlockNumbering``). So
    // key and block numbers are those of one pass over the records (first appearance). A run's
    // keys take some 15 MB.
    let runs = stride(from: 0, to: records.count, by: keyRun).map { $0..<min($0 + keyRun, records.count) }
    let scale = runs.isEmpty ? 1 : Double(records.count) / Double(runs[0].count)
    let keyStage = ConcurrentSlots<KeyNumbering>(count: 1)
    let blockStage = ConcurrentSlots<BlockNumbering>(count: 1)
    keyStage.set(0, KeyNumbering())
    blockStage.set(0, BlockNumbering(records: records.count))
    var numbered: (run: Range<Int>, pieces: [RecordNameKeys], numbers: [Int32])?
    for step in 0...runs.count {
      let run = step < runs.count ? runs[step] : nil
      let previous = numbered
      @Sendable func numberKeys() -> (run: Range<Int>, pieces: [RecordNameKeys], numbers: [Int32])? {
        guard let run else { return nil }
        // Taken out of the slot, so held once (no copy on change), and put back.
        var stage = keyStage.take(0)
        defer { keyStage.set(0, stage) }
        let pieces = RecordNameKeys.pieces(of: records, in: run, generic: generic, splitAt: splitAt)
        return (run, pieces, stage.number(pieces, scale: scale))
      }
      @Sendable func numberBlocks() {
        guard let previous else { return }
        var stage = blockStage.take(0)
        defer { blockStage.set(0, stage) }
        stage.add(records, run: previous.run, pieces: previous.pieces, numbers: previous.numbers, scale: scale)
      }
      if previous == nil {
        numbered = numberKeys()
      } else if run == nil {
        numberBlocks()
      } else {
        numbered = ParallelWork.pair(numberKeys, numberBlocks).0
      }
    }
    keyNumbers = keyStage.take(0).keys
    let blocks = blockStage.take(0)
    (blockKeyNumbers, blockScopes) = (blocks.blockKeyNumbers, blocks.blockScopes)
    (scopeNumbers, scopeNames) = (blocks.scopeNumbers, blocks.scopeNames)
    (identifierBlocks, identifierKeys) = (blocks.identifierBlocks, blocks.identifierKeys)
    stats.recordsWithoutKeys = blocks.recordsWithoutKeys
    let (memberBlocks, memberRecords) = (blocks.memberBlocks, blocks.memberRecords)
    let allKeys = keyNumbers
    let (blockKeys, scopes) = (blockKeyNumbers, blockScopes)
    let (blockCount, recordCount, maxBlock) = (blockScopes.count, records.count, maxBlock)
    let buildsTables = keyLookups == .byWord
    // Two serial passes side by side: the keys' kinds, each key's blocks (and the per-kind
    // tables, when built) beside the members' two counting sorts and the figures read from them.
    let (byKey, byBlock) = ParallelWork.pair(
      {
        let kinds = (0..<allKeys.count).map { k in Self.kind(ofKey: allKeys, k) }
        let (starts, keyBlocks) = Self.blocksByKey(keyCount: kinds.count, blockKeys: blockKeys, scopes: scopes)
        return (kinds, starts, keyBlocks, buildsTables ? Self.kindTables(of: allKeys, kinds: kinds) : [])
      },
      {
        let members = Self.membersByBlock(
          blocks: memberBlocks, records: memberRecords, blockCount: blockCount, recordCount: recordCount)
        return (members, Self.memberFigures(members.flat, starts: members.starts, maxBlock: maxBlock, recordCount: recordCount))
      })
    let (members, figures) = byBlock
    (keyKinds, keyBlockStarts, flatKeyBlocks) = (byKey.0, byKey.1, byKey.2)
    if buildsTables {
      let tables = byKey.3
      keyTables = tables.map(\.0)
      keyTableNumbers = tables.map(\.1)
      (prefixTable, prefixNumbers) = (keyTables[1], keyTableNumbers[1])
      (compactTable, compactNumbers) = (keyTables[2], keyTableNumbers[2])
      hasKindTables = true
    }
    stats.blocks = blockCount
    (flatMembers, memberStarts) = (members.flat, members.starts)
    recordBlockStarts = members.recordStarts
    (recordEntries, recordScopes) = RecordEntries.make(
      records: records, memberBlocks: memberBlocks, recordStarts: members.recordStarts, blockScopes: blockScopes,
      blockKeyNumbers: blockKeyNumbers)
    stats.skippedBlocks = figures.skippedBlocks
    stats.recordsInSkippedBlocks = figures.recordsInSkippedBlocks
    stats.recordsOnlyInSkippedBlocks = figures.recordsOnlyInSkippedBlocks
    stats.firstRecordInSkippedBlock = figures.firstRecordInSkippedBlock
    // The largest block; among equals, the least key.
    if figures.largest > 0 {
      stats.largestBlock = figures.largest
      var best: String?
      for block in 0..<blockCount where Int(memberStarts[block + 1] - memberStarts[block]) == figures.largest {
        let key = blockKey(block)
        if best == nil || key < best! { best = key }
      }
      stats.largestKey = best!
    }
  }

  /// Each kind's table of keys without their tag (0 `w:`, 1 `p:`, 2 `n:`; `kinds[k]` is key `k`'s),
  /// in key-number order (the order the keys were first met), and each entry's key number; the
  /// three kinds side by side.
  private static func kindTables(of allKeys: ByteInterner, kinds: [UInt8]) -> [(ByteInterner, [Int32])] {
    ParallelWork.each(count: 3) { kind -> (ByteInterner, [Int32]) in
      var table = ByteInterner()
      var numbers: [Int32] = []
      let count = kinds.reduce(0) { $0 + ($1 == kind ? 1 : 0) }
      table.reserveCapacity(count)
      numbers.reserveCapacity(count)
      for k in kinds.indices where kinds[k] == kind {
        allKeys.withBytes(at: k) { key in _ = table.intern(UnsafeRawBufferPointer(rebasing: key[2...])) }
        numbers.append(Int32(k))
      }
      return (table, numbers)
    }
  }

  /// Each name key's blocks (`blocks[starts[k] ..< starts[k + 1]]`), by ascending scope (so the
  /// `*` block, if any, first): a counting sort of the name blocks (`scopes[b] >= 0`) by key.
  private static func blocksByKey(
    keyCount: Int, blockKeys: [Int32], scopes: [Int32]
  ) -> (starts: [Int32], blocks: [Int32]) {
    var keyStarts = [Int32](repeating: 0, count: keyCount + 1)
    for b in scopes.indices where scopes[b] >= 0 { keyStarts[Int(blockKeys[b]) + 1] += 1 }
    for k in 0..<keyCount { keyStarts[k + 1] += keyStarts[k] }
    var keyFill = keyStarts
    var keyBlocks = [Int32](repeating: 0, count: Int(keyStarts[keyCount]))
    for b in scopes.indices where scopes[b] >= 0 {
      let key = Int(blockKeys[b])
      keyBlocks[Int(keyFill[key])] = Int32(b)
      keyFill[key] += 1
    }
    for k in 0..<keyCount {
      let range = Int(keyStarts[k])..<Int(keyStarts[k + 1])
      if range.count > 1 { keyBlocks[range].sort { scopes[Int($0)] < scopes[Int($1)] } }
    }
    return (keyStarts, keyBlocks)
  }

  /// What ``Stats`` reports of the blocks' members (`flat[starts[b] ..< starts[b + 1]]` for
  /// block `b`): blocks over `maxBlock`, the largest size, and the records in skipped blocks.
  private static func memberFigures(
    _ flat: [Int32], starts: [Int32], maxBlock: Int, recordCount: Int
  ) -> (
    skippedBlocks: Int, largest: Int, recordsInSkippedBlocks: Int, recordsOnlyInSkippedBlocks: Int,
    firstRecordInSkippedBlock: Int?
  ) {
    var inSkipped = [Bool](repeating: false, count: recordCount)
    var inCompared = [Bool](repeating: false, count: recordCount)
    var (skippedBlocks, largest) = (0, 0)
    for block in 0..<(starts.count - 1) {
      let (start, end) = (Int(starts[block]), Int(starts[block + 1]))
      if end - start > maxBlock {
        skippedBlocks += 1
        for m in start..<end { inSkipped[Int(flat[m])] = true }
      } else {
        for m in start..<end { inCompared[Int(flat[m])] = true }
      }
      largest = max(largest, end - start)
    }
    var (inSkippedCount, onlySkipped) = (0, 0)
    var first: Int?
    for i in 0..<recordCount where inSkipped[i] {
      inSkippedCount += 1
      if !inCompared[i] { onlySkipped += 1 }
      if first == nil { first = i }
    }
    return (skippedBlocks, largest, inSkippedCount, onlySkipped, first)
  }

  /// Block `b`'s members in record order, `flat[starts[b] ..< starts[b + 1]]`, and where record
  /// `i`'s memberships start in `blocks` (listed in record order): two counting sorts.
  private static func membersByBlock(
    blocks memberBlocks: [Int32], records memberRecords: [Int32], blockCount: Int, recordCount: Int
  ) -> (flat: [Int32], starts: [Int32], recordStarts: [Int32]) {
    var starts = [Int32](repeating: 0, count: blockCount + 1)
    for block in memberBlocks { starts[Int(block) + 1] += 1 }
    for b in 0..<blockCount { starts[b + 1] += starts[b] }
    var fill = starts
    var flat = [Int32](repeating: 0, count: memberBlocks.count)
    for k in memberBlocks.indices {
      let block = Int(memberBlocks[k])
      flat[Int(fill[block])] = memberRecords[k]
      fill[block] += 1
    }
    var recordStarts = [Int32](repeating: 0, count: recordCount + 1)
    for record in memberRecords { recordStarts[Int(record) + 1] += 1 }
    for i in 0..<recordCount { recordStarts[i + 1] += recordStarts[i] }
    return (flat, starts, recordStarts)
  }

  /// ``GenericWords/names`` interned, in sorted order.
  private static func genericInterner() -> ByteInterner {
    var generic = ByteInterner()
    for word in GenericWords.names.sorted() { _ = generic.intern(word) }
    return generic
  }

  /// The kind of key `k` of `keys` by its tag: 0 `w:`, 1 `p:`, 2 `n:`.
  private static func kind(ofKey keys: ByteInterner, _ k: Int) -> UInt8 {
    let tag = keys.arena[Int(keys.offsets[k])]
    return tag == UInt8(ascii: "w") ? 0 : tag == UInt8(ascii: "p") ? 1 : 2
  }

  /// A record's name keys as bytes, sorted and distinct: what ``BlockingKeys/nameKeys(of:)``
  /// gives as strings (`n:…`, `p:…`, `w:…`), without making a string or a set.
  struct KeyBytes {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    fileprivate var unsorted: [Range<Int>] = []
  }

  /// Fills `keys` with the name keys of `names` (``BlockingKeys/nameKeys(of:)``'s, as bytes).
  static func nameKeyBytes(_ names: [MatchName], generic: ByteInterner, _ keys: inout KeyBytes) {
    keys.bytes.removeAll(keepingCapacity: true)
    keys.unsorted.removeAll(keepingCapacity: true)
    func add(_ tag: UInt8, _ text: UnsafeBufferPointer<UInt8>) {
      let start = keys.bytes.count
      keys.bytes.append(tag)
      keys.bytes.append(UInt8(ascii: ":"))
      keys.bytes.append(contentsOf: text)
      keys.unsorted.append(start..<keys.bytes.count)
    }
    for name in names {
      for list in [name.tokens, name.qualifiers] {
        for word in list {
          var word = word
          word.withUTF8 { w in
            guard w.count >= 2, generic.index(of: UnsafeRawBufferPointer(w)) == nil else { return }
            add(UInt8(ascii: "w"), w)
            if w.count >= 5 { add(UInt8(ascii: "p"), UnsafeBufferPointer(rebasing: w[0..<4])) }
          }
        }
      }
      guard name.tokens.count > 1 else { continue }
      let start = keys.bytes.count
      keys.bytes.append(UInt8(ascii: "n"))
      keys.bytes.append(UInt8(ascii: ":"))
      for word in name.tokens { keys.bytes.append(contentsOf: word.utf8) }
      if keys.bytes.count - start - 2 >= 4 {
        keys.unsorted.append(start..<keys.bytes.count)
      } else {
        keys.bytes.removeSubrange(start...)
      }
    }
    // Sorted as the strings sort (keys are ASCII: byte order), repeats dropped.
    keys.bytes.withUnsafeBufferPointer { bytes in
      func less(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let n = min(a.count, b.count)
        for k in 0..<n where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] {
          return bytes[a.lowerBound + k] < bytes[b.lowerBound + k]
        }
        return a.count < b.count
      }
      keys.unsorted.sort(by: less)
      keys.ranges.removeAll(keepingCapacity: true)
      for range in keys.unsorted {
        if let last = keys.ranges.last, !less(last, range) { continue }
        keys.ranges.append(range)
      }
    }
  }

  /// The scoped key text of block `block` (`CN|w:jinlin`, or an identifier key).
  private func blockKey(_ block: Int) -> String {
    let scope = blockScopes[block]
    if scope < 0 { return identifierKeys[Int32(block)]! }
    return scopeNames[Int(scope)] + "|" + keyNumbers.string(at: Int(blockKeyNumbers[block]))
  }

  /// Every block's key text (``blockKey(_:)``) by block number, and every name key's text by key
  /// number: both numbered in order of first appearance (tests compare them with a reference).
  var blockKeysByNumber: [String] { (0..<blockScopes.count).map(blockKey) }
  var keysByNumber: [String] { (0..<keyNumbers.count).map { keyNumbers.string(at: $0) } }

  /// The block of scoped key `key` in `scope`, or `nil`.
  private func scopedBlock(_ key: Int32, _ scope: Int32) -> Int32? {
    for b in Int(keyBlockStarts[Int(key)])..<Int(keyBlockStarts[Int(key) + 1]) where blockScopes[Int(flatKeyBlocks[b])] == scope {
      return flatKeyBlocks[b]
    }
    return nil
  }

  /// Every block as (key, size, compared), sorted by size descending then key; for `blocks.csv`.
  public var blockSizes: [(key: String, size: Int, compared: Bool)] { blockSizes(minimumSize: 0) }

  /// ``blockSizes`` of the blocks of at least `minimumSize` records (key texts are made only
  /// for those: at a million records most blocks hold one).
  public func blockSizes(minimumSize: Int) -> [(key: String, size: Int, compared: Bool)] {
    (0..<blockScopes.count).compactMap { b -> (key: String, size: Int, compared: Bool)? in
      let size = Int(memberStarts[b + 1] - memberStarts[b])
      return size >= minimumSize ? (blockKey(b), size, size <= maxBlock) : nil
    }
    .sorted { $0.size != $1.size ? $0.size > $1.size : $0.key < $1.key }
  }

  /// The indexed records in an order that keeps queries about the same records together: by
  /// their largest compared block (ties: the lower block number), then by index; records in no
  /// compared block of two or more last. Querying every record in this order (as the duplicate
  /// search does) finds the same candidates as in index order, but consecutive queries count
  /// mostly the same records, whose counts are still in the processor's cache: at a million
  /// records, counting in index order misses the cache on most records met.
  ///
  /// - Complexity: O(m + n) for m block members and n records.
  public func localityOrder() -> [Int32] {
    let n = records.count
    var best = [Int32](repeating: -1, count: n)
    var bestSize = [Int32](repeating: 1, count: n)
    for block in 0..<blockScopes.count {
      let size = memberStarts[block + 1] - memberStarts[block]
      guard size > 1, size <= maxBlock else { continue }
      for m in Int(memberStarts[block])..<Int(memberStarts[block + 1]) {
        let member = Int(flatMembers[m])
        if size > bestSize[member] {
          bestSize[member] = size
          best[member] = Int32(block)
        }
      }
    }
    // A counting sort by block (stable: index order within a block); no block sorts last.
    let blocks = blockScopes.count
    var starts = [Int](repeating: 0, count: blocks + 2)
    for b in best { starts[(b < 0 ? blocks : Int(b)) + 1] += 1 }
    for k in 0...blocks { starts[k + 1] += starts[k] }
    var order = [Int32](repeating: 0, count: n)
    for (i, b) in best.enumerated() {
      let slot = b < 0 ? blocks : Int(b)
      order[starts[slot]] = Int32(i)
      starts[slot] += 1
    }
    return order
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
        guard let keyNumber = keyNumbers.index(of: key) else { continue }
        let weight: Int32 = key.hasPrefix("p:") ? 1 : 2
        if let scope { visit(scopedBlock(keyNumber, scope), weight: weight, &scratch) }
        visit(scopedBlock(keyNumber, 0), weight: weight, &scratch)
      }
    } else {
      for key in names {
        guard let keyNumber = keyNumbers.index(of: key) else { continue }
        let weight: Int32 = key.hasPrefix("p:") ? 1 : 2
        for b in Int(keyBlockStarts[Int(keyNumber)])..<Int(keyBlockStarts[Int(keyNumber) + 1]) {
          visit(flatKeyBlocks[b], weight: weight, &scratch)
        }
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
    queryKeys(names: names, identifiers: identifiers, &scratch)
    let scope: Int32 = country.map { scopeNumbers[$0] ?? -2 } ?? -3
    visitKeys(scope: scope, &scratch)
    return finish(&scratch, acceptsAll: acceptsAll, sorted: sorted, accept)
  }

  /// ``candidates(names:country:identifiers:scratch:where:)`` of the indexed record `i` (its own
  /// names, country and identifiers): the same records, its keys taken from the blocks it was
  /// indexed in instead of looked up again by their bytes.
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(indexed i: Int, scratch: inout Scratch, where accept: (Int) -> Bool) -> [Int] {
    indexedKeys(i, &scratch)
    return finish(&scratch, acceptsAll: false, sorted: true, accept)
  }

  /// ``candidates(indexed:scratch:where:)`` among the records of `range` other than `i` (the
  /// duplicate search's filter: the records of one group, stored together): the same records,
  /// with the top-k cut in two passes over the records met (``takeTopClearing(_:sorted:within:)``)
  /// instead of a filtering pass, a histogram's four and the clearing, and no call per record.
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func candidates(indexed i: Int, within range: Range<Int32>, scratch: inout Scratch) -> [Int] {
    indexedKeys(i, &scratch)
    let filter = TopFilter(range: range, excluded: Int32(i))
    if scratch.touched.count > maxCandidates && takeTopClearing(&scratch, sorted: true, within: filter) {
      scratch.met += scratch.touched.count
      scratch.touched.removeAll(keepingCapacity: true)
      scratch.candidates += scratch.result.count
      return scratch.result
    }
    return finish(&scratch, acceptsAll: false, sorted: true) { filter.accepts(Int32(truncatingIfNeeded: $0)) }
  }

  /// Counts the blocks of indexed record `i` (identifier blocks at once, name keys through
  /// ``visitKeys(scope:_:)``).
  private func indexedKeys(_ i: Int, _ scratch: inout Scratch) {
    scratch.keys.removeAll(keepingCapacity: true)
    for b in Int(recordBlockStarts[i])..<Int(recordBlockStarts[i + 1]) {
      let entry = recordEntries[b]
      if entry < 0 {
        count(~entry, weight: 100, &scratch)
      } else {
        scratch.keys.append(entry)
      }
    }
    scratch.keys.sort()
    visitKeys(scope: recordScopes[i], &scratch)
  }

  /// For each name key number of this index, the number of the same key in `other` (-1 when no
  /// record of `other` has it): with ``nameKeyNumbers(ofIndexed:translatedBy:into:)``, this
  /// index's records query `other` with their keys looked up once per distinct key instead of
  /// once per record (``fillCandidates(keys:country:identifiers:scratch:)``).
  ///
  /// - Complexity: O(total key bytes of the index with fewer keys) and O(this index's keys):
  ///   each key of the smaller index is looked up in the larger one (the risk-list rows' few
  ///   thousand keys among a million entities' 2.7M, not the other way round).
  public func keyTranslation(to other: BlockingIndex) -> [Int32] {
    guard other.keyNumbers.count < keyNumbers.count else { return keyTranslationLookingUpOwnKeys(to: other) }
    // Each interner holds a key once, so the keys both have pair one to one: those of `other`
    // found here give every entry that is not -1.
    var translation = [Int32](repeating: -1, count: keyNumbers.count)
    for j in 0..<other.keyNumbers.count {
      if let k = other.keyNumbers.withBytes(at: j, { keyNumbers.index(of: $0) }) { translation[Int(k)] = Int32(j) }
    }
    return translation
  }

  /// ``keyTranslation(to:)`` by looking up every key of this index in `other` (on all cores):
  /// the way for a smaller index, and the reference the tests compare the other way with.
  func keyTranslationLookingUpOwnKeys(to other: BlockingIndex) -> [Int32] {
    ParallelWork.array(count: keyNumbers.count, minimumToSplit: 65_536) { k in
      keyNumbers.withBytes(at: k) { other.keyNumbers.index(of: $0) ?? -1 }
    }
  }

  /// Appends the name key numbers of indexed record `i` (what ``BlockingKeys/nameKeys(of:)``
  /// gives for it), translated by `translation` (``keyTranslation(to:)``), leaving out keys the
  /// other index lacks; in no particular order.
  public func nameKeyNumbers(ofIndexed i: Int, translatedBy translation: [Int32], into keys: inout [Int32]) {
    for b in Int(recordBlockStarts[i])..<Int(recordBlockStarts[i + 1]) {
      let entry = recordEntries[b]
      guard entry >= 0 else { continue }
      let key = translation[Int(entry)]
      if key >= 0 { keys.append(key) }
    }
  }

  /// The `w:` and `p:` key numbers of one word (-1 for none): what ``BlockingKeys`` makes of the
  /// word, if some record has that key.
  public func wordKeyNumbers(_ word: UnsafeRawBufferPointer) -> (word: Int32, prefix: Int32) {
    guard word.count >= 2, genericWords.index(of: word) == nil else { return (-1, -1) }
    let w = wordKeyNumber(word)
    return (w, word.count >= 5 ? prefixKeyNumber(UnsafeRawBufferPointer(rebasing: word[0..<4])) : -1)
  }

  /// The key number of `w:` + `word`, -1 when no record has it (the word is not checked against
  /// the generic words).
  @inline(__always)
  private func wordKeyNumber(_ word: UnsafeRawBufferPointer) -> Int32 {
    guard hasKindTables else { return taggedKeyNumber(UInt8(ascii: "w"), word) }
    guard let found = keyTables[0].index(of: word) else { return -1 }
    return keyTableNumbers[0][Int(found)]
  }

  /// The key number of `p:` + `prefix` (four bytes), -1 when no record has it.
  @inline(__always)
  public func prefixKeyNumber(_ prefix: UnsafeRawBufferPointer) -> Int32 {
    guard hasKindTables else { return taggedKeyNumber(UInt8(ascii: "p"), prefix) }
    guard let found = prefixTable.index(of: prefix) else { return -1 }
    return prefixNumbers.withUnsafeBufferPointer { $0[Int(found)] }
  }

  /// The key number of `n:` + `compact` (a name's tokens written together), -1 when no record has it.
  @inline(__always)
  public func compactKeyNumber(_ compact: UnsafeRawBufferPointer) -> Int32 {
    guard hasKindTables else { return taggedKeyNumber(UInt8(ascii: "n"), compact) }
    guard let found = compactTable.index(of: compact) else { return -1 }
    return compactNumbers.withUnsafeBufferPointer { $0[Int(found)] }
  }

  /// The key number of `tag` + `:` + `text` in `keyNumbers` (the keys with their tag), -1 when no
  /// record has it: the look-up by word of an index without per-kind tables.
  private func taggedKeyNumber(_ tag: UInt8, _ text: UnsafeRawBufferPointer) -> Int32 {
    withUnsafeTemporaryAllocation(byteCount: text.count + 2, alignment: 1) { key in
      key[0] = tag
      key[1] = UInt8(ascii: ":")
      if !text.isEmpty { UnsafeMutableRawBufferPointer(rebasing: key[2...]).copyMemory(from: text) }
      return keyNumbers.index(of: UnsafeRawBufferPointer(key)) ?? -1
    }
  }

  /// ``fillCandidates(names:country:identifiers:scratch:)`` for a query given as its name key
  /// numbers (``wordKeyNumbers(_:)``, ``compactKeyNumber(_:)``; any order, repeats allowed).
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func fillCandidates(keys: [Int32], country: String?, identifiers: Identifiers, scratch: inout Scratch) {
    if !identifierBlocks.isEmpty {
      for key in BlockingKeys.identifierKeys(identifiers) {
        if let block = identifierBlocks[key] { count(block, weight: 100, &scratch) }
      }
    }
    scratch.keys.removeAll(keepingCapacity: true)
    scratch.keys.append(contentsOf: keys)
    scratch.keys.sort()
    let scope: Int32 = country.map { scopeNumbers[$0] ?? -2 } ?? -3
    visitKeys(scope: scope, &scratch)
    finishInPlace(&scratch, acceptsAll: true, sorted: false) { _ in true }
  }

  /// Whether any record has an identifier key.
  public var hasIdentifierKeys: Bool { !identifierBlocks.isEmpty }

  /// Counts the identifier blocks of a query and puts its name key numbers, sorted, in
  /// `scratch.keys`.
  private func queryKeys(names: [MatchName], identifiers: Identifiers, _ scratch: inout Scratch) {
    if !identifierBlocks.isEmpty {
      for key in BlockingKeys.identifierKeys(identifiers) {
        if let block = identifierBlocks[key] { count(block, weight: 100, &scratch) }
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
      let found = scratch.compact.withUnsafeBytes { compactKeyNumber($0) }
      if found >= 0 { scratch.keys.append(found) }
    }
    scratch.keys.sort()
  }

  /// ``candidates(names:country:identifiers:scratch:sorted:)`` with `sorted: false`, the records
  /// left in `scratch.result` (no array is made per query).
  ///
  /// - Complexity: O(k × maxBlock + c) for k keys and c distinct records met.
  public func fillCandidates(
    names: [MatchName], country: String?, identifiers: Identifiers, scratch: inout Scratch
  ) {
    queryKeys(names: names, identifiers: identifiers, &scratch)
    let scope: Int32 = country.map { scopeNumbers[$0] ?? -2 } ?? -3
    visitKeys(scope: scope, &scratch)
    finishInPlace(&scratch, acceptsAll: true, sorted: false) { _ in true }
  }

  /// Counts the members of the blocks of `scratch.keys` (sorted; repeats are skipped) in the
  /// scope `scope` (-3: every scope, as for a query without a country; else the scope's blocks,
  /// then the `*` blocks — both for the scope `*` itself, as the string form does).
  private func visitKeys(scope: Int32, _ scratch: inout Scratch) {
    let maxBlock = self.maxBlock
    let (members, memberStarts, keyBlocks, keyBlockStarts) = (flatMembers, self.memberStarts, flatKeyBlocks, self.keyBlockStarts)
    let (blockScopes, keyKinds) = (self.blockScopes, self.keyKinds)
    // The counts and the touched list taken out of the scratch while they are updated; records
    // met for the first time are written to `fresh` by pointer (no capacity or uniqueness check
    // per record) and appended to `touched` at the end.
    var shared: [Int32] = []
    var touched: [Int32] = []
    var fresh: [Int32] = []
    swap(&shared, &scratch.shared)
    swap(&touched, &scratch.touched)
    swap(&fresh, &scratch.fresh)
    if fresh.count < shared.count { fresh = [Int32](repeating: 0, count: shared.count) }
    var freshCount = 0
    var visits = 0
    let keys = scratch.keys
    members.withUnsafeBufferPointer { members in
      shared.withUnsafeMutableBufferPointer { shared in
        fresh.withUnsafeMutableBufferPointer { fresh in
          var previous: Int32 = -1
          for key in keys where key != previous {
            previous = key
            let weight: Int32 = keyKinds[Int(key)] == 1 ? 1 : 2
            let (first, last) = (Int(keyBlockStarts[Int(key)]), Int(keyBlockStarts[Int(key) + 1]))
            guard first < last else { continue }
            // The blocks to visit and how often: every block of the key without a scope (-3); else
            // the key's blocks are sorted by scope, the `*` block (scope 0) first when there is one
            // (visited twice for the scope `*` itself, as the string form does), and the scope's own
            // block is found by halving.
            var visit: (Int, Int, Int, Int) = (-1, 0, -1, 0)
            if scope == -3 {
              visit = (first, last, -1, 0)
            } else {
              let star = blockScopes[Int(keyBlocks[first])] == 0
              if star { visit.0 = first; visit.1 = first + 1 }
              if scope == 0 && star {
                visit.2 = first
                visit.3 = first + 1
              } else if scope > 0 {
                var (low, high) = (first, last)
                while low < high {
                  let mid = (low + high) / 2
                  if blockScopes[Int(keyBlocks[mid])] < scope { low = mid + 1 } else { high = mid }
                }
                if low < last && blockScopes[Int(keyBlocks[low])] == scope { (visit.2, visit.3) = (low, low + 1) }
              }
            }
            for pass in 0..<2 {
              let (from, to) = pass == 0 ? (visit.0, visit.1) : (visit.2, visit.3)
              guard from >= 0 else { continue }
              for b in from..<to {
                let block = Int(keyBlocks[b])
                let (start, end) = (Int(memberStarts[block]), Int(memberStarts[block + 1]))
                guard end - start <= maxBlock else { continue }
                visits += end - start
                for m in start..<end {
                  let member = Int(members[m])
                  if shared[member] == 0 {
                    fresh[freshCount] = Int32(member)
                    freshCount += 1
                  }
                  shared[member] += weight
                }
              }
            }
          }
        }
      }
    }
    touched.append(contentsOf: fresh[0..<freshCount])
    swap(&shared, &scratch.shared)
    swap(&touched, &scratch.touched)
    swap(&fresh, &scratch.fresh)
    scratch.visits += visits
  }

  /// The `w:` and `p:` key numbers of one word of a query (as ``BlockingKeys/nameKeys(of:)``).
  private func wordKeys(_ word: String, _ keys: inout [Int32]) {
    var word = word
    word.withUTF8 { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      guard bytes.count >= 2, genericWords.index(of: raw) == nil else { return }
      let word = wordKeyNumber(raw)
      if word >= 0 { keys.append(word) }
      if bytes.count >= 5 {
        let prefix = prefixKeyNumber(UnsafeRawBufferPointer(rebasing: raw[0..<4]))
        if prefix >= 0 { keys.append(prefix) }
      }
    }
  }

  /// Adds `weight` to the count of every member of `block` (a block over `maxBlock` is skipped:
  /// it was not compared), noting members met for the first time in this query.
  @inline(__always)
  private func count(_ block: Int32, weight: Int32, _ scratch: inout Scratch) {
    let (start, end) = (Int(memberStarts[Int(block)]), Int(memberStarts[Int(block) + 1]))
    guard end - start <= maxBlock else { return }
    scratch.visits += end - start
    for m in start..<end {
      let member = flatMembers[m]
      if scratch.shared[Int(member)] == 0 { scratch.touched.append(member) }
      scratch.shared[Int(member)] += weight
    }
  }

  /// Takes the candidates out of the counts and clears them for the next query.
  private func finish(_ scratch: inout Scratch, acceptsAll: Bool, sorted: Bool = true, _ accept: (Int) -> Bool) -> [Int] {
    finishInPlace(&scratch, acceptsAll: acceptsAll, sorted: sorted, accept)
    return scratch.result
  }

  /// ``finish(_:acceptsAll:sorted:_:)`` leaving the candidates in `scratch.result`.
  private func finishInPlace(_ scratch: inout Scratch, acceptsAll: Bool, sorted: Bool, _ accept: (Int) -> Bool) {
    scratch.met += scratch.touched.count
    var touched: [Int32] = []
    if acceptsAll && scratch.touched.count > maxCandidates && takeTopClearing(&scratch, sorted: sorted) {
      swap(&touched, &scratch.touched)
    } else {
      top(&scratch, acceptsAll: acceptsAll, sorted: sorted, accept)
      swap(&touched, &scratch.touched)
      scratch.shared.withUnsafeMutableBufferPointer { shared in
        for member in touched { shared[Int(member)] = 0 }
      }
    }
    touched.removeAll(keepingCapacity: true)
    swap(&touched, &scratch.touched)
    scratch.candidates += scratch.result.count
  }

  /// Levels of ``Scratch/levels``: ``takeTopClearing(_:sorted:)`` handles counts below this.
  static let levelCount = 64

  /// ``top(_:acceptsAll:sorted:_:)`` for a query that accepts every record and met more than
  /// `maxCandidates`, in two passes over the records met instead of five and the clearing: one
  /// reads each count (scattered over the counts) into an array in the order met, clears it and
  /// counts the records per count (and finds the highest), the threshold is read from those
  /// levels, and one takes the records above it and the ties at it from that array, in order.
  /// The same candidates in the same order (``top``'s threshold, ties to the lowest indices or
  /// ranks by ``selectLowestTies(_:of:)``). Returns `false`, having changed nothing, when a count reaches the
  /// last level (identifier keys weigh 100); ``top`` then takes them as before.
  private func takeTopClearing(_ scratch: inout Scratch, sorted: Bool) -> Bool {
    takeTopClearing(&scratch, sorted: sorted, within: .all)
  }

  /// The records a top-k cut may take: those of `range` other than `excluded`.
  struct TopFilter {
    var range: Range<Int32>
    var excluded: Int32
    /// Every record.
    static let all = TopFilter(range: 0..<Int32.max, excluded: -1)

    @inline(__always)
    func accepts(_ record: Int32) -> Bool { range.contains(record) && record != excluded }
  }

  /// ``takeTopClearing(_:sorted:)`` among the records `filter` accepts: the others are cleared and
  /// neither counted in the levels nor taken, so the cut is the one of the accepted records met
  /// (as ``top(_:acceptsAll:sorted:_:)`` makes it after filtering them).
  private func takeTopClearing(_ scratch: inout Scratch, sorted: Bool, within filter: TopFilter) -> Bool {
    var levels: [Int32] = []
    var result: [Int] = []
    var ties: [Int32] = []
    var gathered: [Int32] = []
    swap(&levels, &scratch.levels)
    swap(&result, &scratch.result)
    swap(&ties, &scratch.ties)
    swap(&gathered, &scratch.gathered)
    defer {
      swap(&levels, &scratch.levels)
      swap(&result, &scratch.result)
      swap(&ties, &scratch.ties)
      swap(&gathered, &scratch.gathered)
    }
    if gathered.count < scratch.touched.count { gathered = [Int32](repeating: 0, count: scratch.touched.count * 2) }
    let maxCandidates = self.maxCandidates
    let top = Int32(levels.count - 1)
    let taken: Bool = scratch.touched.withUnsafeBufferPointer { touched in
      scratch.shared.withUnsafeMutableBufferPointer { shared in
        gathered.withUnsafeMutableBufferPointer { gathered in
          levels.withUnsafeMutableBufferPointer { levels in
            // The one pass over the counts in the order the records were met (scattered): each is
            // read into `gathered` and cleared on the cache line just read.
            var highest: Int32 = 0
            for (t, member) in touched.enumerated() {
              let count = shared[Int(member)]
              shared[Int(member)] = 0
              gathered[t] = count
              guard filter.accepts(member) else { continue }
              let level = min(count, top)
              highest = max(highest, level)
              levels[Int(level)] += 1
            }
            guard highest < top else {
              // Put the counts back for ``top(_:acceptsAll:sorted:_:)``.
              for (t, member) in touched.enumerated() { shared[Int(member)] = gathered[t] }
              for l in 0...Int(top) { levels[l] = 0 }
              return false
            }
            // The count of the last candidate taken: every record above it is taken, and of those
            // at it the lowest indices fill the rest (counts are at least 1).
            var sum = 0
            var threshold = highest
            while threshold > 1 {
              sum += Int(levels[Int(threshold)])
              if sum >= maxCandidates { break }
              threshold -= 1
            }
            for l in 0...Int(highest) { levels[l] = 0 }
            result.removeAll(keepingCapacity: true)
            ties.removeAll(keepingCapacity: true)
            for (t, member) in touched.enumerated() where filter.accepts(member) {
              let count = gathered[t]
              if count > threshold {
                result.append(Int(member))
              } else if count == threshold {
                ties.append(member)
              }
            }
            return true
          }
        }
      }
    }
    guard taken else { return false }
    let room = maxCandidates - result.count
    if ties.count > room && !(ranks.isEmpty && Self.selectLowestByBits(room, of: &ties, bits: &scratch.tieBits)) {
      selectLowestTies(room, of: &ties)
    }
    for member in ties.prefix(room) { result.append(Int(member)) }
    if sorted { result.sort() }
    return true
  }

  /// Writes the `k` lowest values of `values` (distinct, non-negative) to its first `k` positions,
  /// in ascending order (what is left after them is unspecified), through a bit set over the span of the values (`bits`, all zero before
  /// and after) — when that span is at most about two words per value, as for the ties of a
  /// query against a risk list's rows; `false`, having changed nothing, otherwise. The same
  /// values as ``selectLowest(_:of:)`` without its unpredictable comparisons.
  ///
  /// - Complexity: O(n + span / 64) for n values.
  static func selectLowestByBits(_ k: Int, of values: inout [Int32], bits: inout [UInt64]) -> Bool {
    guard k > 0, k < values.count else { return false }
    var (low, high) = (Int32.max, Int32.min)
    for v in values {
      low = min(low, v)
      high = max(high, v)
    }
    guard low >= 0 else { return false }
    let first = Int(low) >> 6
    let span = Int(high) >> 6 - first + 1
    guard span <= 2 * values.count + 16 else { return false }
    if bits.count < span { bits = [UInt64](repeating: 0, count: max(span, 2 * bits.count)) }
    bits.withUnsafeMutableBufferPointer { bits in
      values.withUnsafeMutableBufferPointer { values in
        for v in values { bits[Int(v) >> 6 - first] |= 1 << UInt64(v & 63) }
        var taken = 0
        for w in 0..<span {
          var word = bits[w]
          bits[w] = 0
          while word != 0 && taken < k {
            values[taken] = Int32((first + w) << 6 + word.trailingZeroBitCount)
            taken += 1
            word &= word - 1
          }
        }
      }
    }
    return true
  }

  /// Moves the `k` lowest values of `values` (distinct) to its first `k` positions, in no
  /// particular order (quickselect with a median-of-three pivot; deterministic).
  ///
  /// - Complexity: O(n) expected for n values.
  static func selectLowest(_ k: Int, of values: inout [Int32]) {
    guard k > 0, k < values.count else { return }
    values.withUnsafeMutableBufferPointer { v in
      var (low, high) = (0, v.count - 1)
      while low < high {
        let mid = low + (high - low) / 2
        // Median of three as the pivot.
        if v[mid] < v[low] { v.swapAt(mid, low) }
        if v[high] < v[low] { v.swapAt(high, low) }
        if v[high] < v[mid] { v.swapAt(high, mid) }
        let pivot = v[mid]
        var (i, j) = (low, high)
        while i <= j {
          while v[i] < pivot { i += 1 }
          while v[j] > pivot { j -= 1 }
          if i <= j {
            v.swapAt(i, j)
            i += 1
            j -= 1
          }
        }
        // Now v[low...j] <= pivot <= v[i...high], and positions between j and i hold the pivot.
        if k - 1 <= j {
          high = j
        } else if k - 1 >= i {
          low = i
        } else {
          return
        }
      }
    }
  }

  /// The accepted touched records with the highest counts (ties: lower index), at most
  /// `maxCandidates`, in ascending index order when `sorted`.
  private func top(_ scratch: inout Scratch, acceptsAll: Bool, sorted: Bool, _ accept: (Int) -> Bool) {
    scratch.result.removeAll(keepingCapacity: true)
    if !acceptsAll {
      scratch.accepted.removeAll(keepingCapacity: true)
      for member in scratch.touched where accept(Int(member)) { scratch.accepted.append(member) }
      swap(&scratch.accepted, &scratch.touched)
    }
    // `touched` holds the accepted records here (swapped back below).
    defer { if !acceptsAll { swap(&scratch.accepted, &scratch.touched) } }
    guard scratch.touched.count > maxCandidates else {
      for member in scratch.touched { scratch.result.append(Int(member)) }
      if sorted { scratch.result.sort() }
      return
    }
    // The count of the last candidate taken: every record above it is taken, and of those at
    // it the lowest indices fill the rest. Read through buffers (no uniqueness check per count).
    var histogram: [Int32] = []
    var result: [Int] = []
    var ties: [Int32] = []
    swap(&histogram, &scratch.histogram)
    swap(&result, &scratch.result)
    swap(&ties, &scratch.ties)
    defer {
      swap(&histogram, &scratch.histogram)
      swap(&result, &scratch.result)
      swap(&ties, &scratch.ties)
    }
    let maxCandidates = self.maxCandidates
    scratch.shared.withUnsafeBufferPointer { shared in
      scratch.touched.withUnsafeBufferPointer { touched in
        var highest: Int32 = 0
        for member in touched { highest = max(highest, shared[Int(member)]) }
        let threshold: Int32
        if highest < 4096 {
          if histogram.count <= Int(highest) { histogram = [Int32](repeating: 0, count: Int(highest) + 1) }
          threshold = histogram.withUnsafeMutableBufferPointer { histogram in
            for member in touched { histogram[Int(shared[Int(member)])] += 1 }
            var taken = 0
            var level = highest
            while true {
              taken += Int(histogram[Int(level)])
              if taken >= maxCandidates { break }
              level -= 1
            }
            for member in touched { histogram[Int(shared[Int(member)])] = 0 }
            return level
          }
        } else {
          threshold = touched.map { shared[Int($0)] }.sorted(by: >)[maxCandidates - 1]
        }
        ties.removeAll(keepingCapacity: true)
        for member in touched {
          let count = shared[Int(member)]
          if count > threshold {
            result.append(Int(member))
          } else if count == threshold {
            ties.append(member)
          }
        }
      }
    }
    // The lowest indices (or ranks) among the ties, when not all of them fit (selected, not
    // sorted: the same set, in an order nothing depends on).
    let room = maxCandidates - result.count
    if ties.count > room { selectLowestTies(room, of: &ties) }
    for member in ties.prefix(room) { result.append(Int(member)) }
    if sorted { result.sort() }
  }

  /// Moves the `room` ties of lowest index (or rank) to the first `room` positions of `ties`.
  private func selectLowestTies(_ room: Int, of ties: inout [Int32]) {
    if ranks.isEmpty {
      Self.selectLowest(room, of: &ties)
    } else {
      for k in ties.indices { ties[k] = ranks[Int(ties[k])] }
      Self.selectLowest(room, of: &ties)
      for k in 0..<room { ties[k] = rankedRecords[Int(ties[k])] }
    }
  }
}

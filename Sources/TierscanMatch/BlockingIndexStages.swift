import CTierscanPrefetch
import TierscanCore

/// The first stage of building a ``BlockingIndex``: numbers the records' name keys in order of
/// first appearance (``ByteInterner``), run after run of ``RecordNameKeys`` in record order. It
/// works on one run while ``BlockNumbering`` works on the run before, on the other core: the
/// index's one pass in record order, cut in two passes that each keep that order (key numbers
/// depend only on the keys in order, block numbers only on the key numbers and scopes in order).
struct KeyNumbering: Sendable {
  /// The name keys (`w:jinlin`, unscoped), numbered in order of first appearance.
  private(set) var keys = ByteInterner()
  private var runs = 0

  /// An empty numbering.
  init() {}

  /// The key number of every key of `pieces` (one run's keys, in record order), in that order.
  /// After the first run the table is sized for `scale` times its keys (the records' keys as the
  /// first run's grow: an estimate of sizes only, no number depends on it).
  mutating func number(_ pieces: [RecordNameKeys], scale: Double) -> [Int32] {
    let occurrences = pieces.reduce(0) { $0 + $1.keyCount }
    // The first run's keys are at most its occurrences: no doubling from an empty table.
    if runs == 0 { keys.reserveCapacity(occurrences, bytes: pieces.reduce(0) { $0 + $1.byteCount }) }
    var numbers: [Int32] = []
    numbers.reserveCapacity(occurrences)
    for piece in pieces {
      keys.intern(hashed: piece.bytes, starts: piece.keyStarts, hashes: piece.hashes, appendingIndicesTo: &numbers)
    }
    if runs == 0 && scale > 1 {
      keys.reserveCapacity(Self.scaled(keys.count, scale), bytes: Self.scaled(keys.arena.count, scale))
    }
    runs += 1
    return numbers
  }

  /// `n × scale`, rounded up.
  static func scaled(_ n: Int, _ scale: Double) -> Int { Int((Double(n) * scale).rounded(.up)) }
}

/// The second stage of building a ``BlockingIndex`` (after ``KeyNumbering``): numbers scopes
/// (countries, `*` first) and blocks — (key number, scope) and identifier keys — in order of first
/// appearance, and lists each record in its blocks, in record order.
struct BlockNumbering: Sendable {
  /// Each block's key number and scope number (-1 for an identifier block, whose key is in
  /// ``identifierKeys``).
  private(set) var blockKeyNumbers: [Int32] = []
  private(set) var blockScopes: [Int32] = []
  /// (block, record) of every membership, in record order.
  private(set) var memberBlocks: [Int32] = []
  private(set) var memberRecords: [Int32] = []
  /// Scope (country or `*`) → scope number (`*` is 0), and back.
  private(set) var scopeNumbers: [String: Int32] = ["*": 0]
  private(set) var scopeNames: [String] = ["*"]
  /// Identifier key → block, and back.
  private(set) var identifierBlocks: [String: Int32] = [:]
  private(set) var identifierKeys: [Int32: String] = [:]
  /// Records with no key at all.
  private(set) var recordsWithoutKeys = 0
  /// Each name key's first block and the block it was last met in, with their scopes, by key
  /// number. Keys come in order of first appearance, so a key met for the first time is the next
  /// number (its block is new, found without a look-up). A key met again is mostly in the scope
  /// it was last met in (the duplicate search stores its records by country) or in its only one:
  /// it reads its entry here, in an array of 16 bytes per key, instead of probing a table of all
  /// blocks (16 bytes per slot, twice as many slots as blocks: 128 MB at a million records).
  private var keyBlocks: [KeyBlocks] = []
  /// The blocks of keys in scopes other than their first block's: (key number, scope) → block.
  private var table = BlockTable()
  private var lastScope = (country: "", number: Int32(-1))
  private var runs = 0

  /// A key's first block and the block it was last met in, and their scopes.
  private struct KeyBlocks {
    var first: Int32
    var firstScope: Int32
    var last: Int32
    var lastScope: Int32
  }

  /// Empty, with room for the members of `records` records of four keys.
  init(records: Int) {
    memberBlocks.reserveCapacity(records * 4)
    memberRecords.reserveCapacity(records * 4)
  }

  /// Adds `records[run]`, whose name keys are `pieces` (in record order) with key numbers
  /// `numbers` (``KeyNumbering/number(_:scale:)``). After the first run the tables are sized for
  /// `scale` times its blocks and members (sizes only).
  mutating func add(_ records: [PreparedRecord], run: Range<Int>, pieces: [RecordNameKeys], numbers: [Int32], scale: Double) {
    var i = run.lowerBound
    var cursor = 0
    if runs == 0 { keyBlocks.reserveCapacity(numbers.count) }
    numbers.withUnsafeBufferPointer { numbers in
      for piece in pieces {
        for r in 0..<piece.recordCount {
          let scope = scopeNumber(records[i].record.country)
          let keyCount = Int(piece.recordStarts[r + 1] - piece.recordStarts[r])
          let identifiers = BlockingKeys.identifierKeys(records[i].record.identifiers)
          if keyCount == 0 && identifiers.isEmpty { recordsWithoutKeys += 1 }
          for _ in 0..<keyCount {
            // The entry of the key 16 on is fetched while this one is found (a key met again lies
            // anywhere in the array); that of the key 8 on, fetched 8 keys ago, is read, and if the
            // key will not be in either of its blocks' scopes — in this record's scope, as nearly
            // every key 8 on is — its slot in the table is fetched. Hints only.
            if cursor + 16 < numbers.count {
              let ahead = Int(numbers[cursor + 16])
              if ahead < keyBlocks.count { keyBlocks.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + ahead) } }
            }
            if cursor + 8 < numbers.count {
              let ahead = numbers[cursor + 8]
              if Int(ahead) < keyBlocks.count {
                let entry = keyBlocks[Int(ahead)]
                if entry.lastScope != scope && entry.firstScope != scope {
                  table.prefetch(hash: BlockTable.hash(key: ahead, scope: scope))
                }
              }
            }
            let keyNumber = numbers[cursor]
            let next = Int32(blockScopes.count)
            let block: Int32
            if Int(keyNumber) == keyBlocks.count {
              keyBlocks.append(KeyBlocks(first: next, firstScope: scope, last: next, lastScope: scope))
              block = next
            } else {
              let entry = keyBlocks[Int(keyNumber)]
              if entry.lastScope == scope {
                block = entry.last
              } else {
                block =
                  entry.firstScope == scope
                  ? entry.first
                  : table.block(key: keyNumber, scope: scope, hash: BlockTable.hash(key: keyNumber, scope: scope), next: next)
                keyBlocks[Int(keyNumber)].last = block
                keyBlocks[Int(keyNumber)].lastScope = scope
              }
            }
            if block == next {
              blockKeyNumbers.append(keyNumber)
              blockScopes.append(scope)
            }
            memberBlocks.append(block)
            memberRecords.append(Int32(i))
            cursor += 1
          }
          for key in identifiers {
            let block: Int32
            if let existing = identifierBlocks[key] {
              block = existing
            } else {
              block = Int32(blockScopes.count)
              identifierBlocks[key] = block
              identifierKeys[block] = key
              blockKeyNumbers.append(-1)
              blockScopes.append(-1)
            }
            memberBlocks.append(block)
            memberRecords.append(Int32(i))
          }
          i += 1
        }
      }
    }
    if runs == 0 && scale > 1 {
      let blocks = KeyNumbering.scaled(blockScopes.count, scale)
      keyBlocks.reserveCapacity(KeyNumbering.scaled(keyBlocks.count, scale))
      table.reserveCapacity(KeyNumbering.scaled(table.count, scale))
      blockKeyNumbers.reserveCapacity(blocks)
      blockScopes.reserveCapacity(blocks)
      let members = KeyNumbering.scaled(memberBlocks.count + memberBlocks.count / 16, scale)
      memberBlocks.reserveCapacity(members)
      memberRecords.reserveCapacity(members)
      identifierBlocks.reserveCapacity(KeyNumbering.scaled(identifierBlocks.count, scale))
      identifierKeys.reserveCapacity(KeyNumbering.scaled(identifierKeys.count, scale))
    }
    runs += 1
  }

  /// The scope number of a record of country `country` (0 without one), numbered when new.
  private mutating func scopeNumber(_ country: String?) -> Int32 {
    guard let country else { return 0 }
    if country == lastScope.country { return lastScope.number }
    let number: Int32
    if let n = scopeNumbers[country] {
      number = n
    } else {
      number = Int32(scopeNames.count)
      scopeNumbers[country] = number
      scopeNames.append(country)
    }
    lastScope = (country, number)
    return number
  }
}

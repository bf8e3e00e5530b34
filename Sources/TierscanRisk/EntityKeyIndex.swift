import TierscanCore

/// Byte-string keys (normalised names, identifier values) to the entities that have them, for
/// risk-list matching. Keys are interned once; entities are recorded either by key (adding the
/// key when new) or, for an index made from a fixed set of keys, by the slot of a key found with
/// ``slot(of:)`` (keys that are not there are never stored).
struct EntityKeyIndex: Sendable {
  /// The indexed keys; the key at slot `k` has the entities `entities[k]`.
  private var keys = ByteInterner()
  private var entities: [[EntityIndex]] = []
  /// The keys' hashes (every key's, kept as keys are added): most names of a large graph are no
  /// row's, and this tells them apart in cache (``ByteFilter``).
  private var filter = ByteFilter(capacity: 0)

  /// An empty index.
  init() {}

  /// An index of `keys` (duplicates allowed) without entities.
  init(keys: [String]) {
    for key in keys where self.keys.intern(key).inserted { entities.append([]) }
    filter = ByteFilter(keysOf: self.keys)
  }

  /// The slot of `key`, or `nil` when it is not indexed.
  func slot(of key: UnsafeRawBufferPointer) -> Int? { keys.index(of: key, filter: filter).map(Int.init) }

  /// Records that `entity` has `key`, indexing the key when new. Entities must come in ascending
  /// order; an entity with the same key twice (a name and an alias) is recorded once.
  mutating func add(_ entity: EntityIndex, key: UnsafeRawBufferPointer) {
    let (index, inserted) = keys.intern(key)
    if inserted {
      entities.append([])
      filter.insert(ByteInterner.hash(key))
    }
    add(entity, slot: Int(index))
  }

  /// Records that `entity` has the key at `slot`, as ``add(_:key:)``.
  mutating func add(_ entity: EntityIndex, slot: Int) {
    if entities[slot].last != entity { entities[slot].append(entity) }
  }

  /// The slot of `key`, or `nil` when it is not indexed.
  func slot(of key: String) -> Int? { keys.index(of: key).map(Int.init) }

  /// The entities that have the key at `slot`, in ascending order.
  func entities(inSlot slot: Int) -> [EntityIndex] { entities[slot] }

  /// The entities that have `key`, in ascending order.
  func entities(withKey key: String) -> [EntityIndex] { keys.index(of: key).map { entities[Int($0)] } ?? [] }
}

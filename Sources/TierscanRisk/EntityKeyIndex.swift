import TierscanCore

/// Byte-string keys (normalised names, `scheme:value` identifiers) to the entities that have
/// them, for risk-list matching. Either *open*, indexing every key it is given, or *closed* over
/// the keys some risk-list row has, ignoring every other key without storing it.
struct EntityKeyIndex: Sendable {
  /// The indexed keys; key `k` has the entities `entities[k]`.
  private var keys = ByteInterner()
  private var entities: [[EntityIndex]] = []
  private let isClosed: Bool

  /// An open index.
  init() { isClosed = false }

  /// A closed index of `wanted` (duplicates allowed); other keys are never indexed.
  init(closedOver wanted: [String]) {
    for key in wanted where keys.intern(key).inserted { entities.append([]) }
    isClosed = true
  }

  /// The position of `key` among the indexed keys, or `nil` when it is not (and, open, will be) indexed.
  func slot(of key: UnsafeRawBufferPointer) -> Int? { keys.index(of: key).map(Int.init) }

  /// Records that `entity` has `key`. Entities must come in ascending order; an entity with the
  /// same key twice (a name and an alias) is recorded once.
  mutating func add(_ entity: EntityIndex, key: UnsafeRawBufferPointer) {
    let k: Int
    if isClosed {
      guard let slot = slot(of: key) else { return }
      k = slot
    } else {
      let (index, inserted) = keys.intern(key)
      if inserted { entities.append([]) }
      k = Int(index)
    }
    add(entity, slot: k)
  }

  /// Records that `entity` has the key at `slot` (a position from ``slot(of:)``), as ``add(_:key:)``.
  mutating func add(_ entity: EntityIndex, slot: Int) {
    if entities[slot].last != entity { entities[slot].append(entity) }
  }

  /// The entities that have `key`, in ascending order.
  func entities(withKey key: String) -> [EntityIndex] { keys.index(of: key).map { entities[Int($0)] } ?? [] }
}

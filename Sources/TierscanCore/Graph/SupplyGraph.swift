/// The in-memory supply-chain graph: merged entities, relationships in input order, and CSR
/// adjacency in both directions.
///
/// Entities are sorted by the UTF-8 bytes of their id, so `EntityIndex` order is id order.
/// Build one with ``GraphBuilder``.
public struct SupplyGraph: Sendable {
  /// Entities by index (sorted by id bytes).
  public let entities: [Entity]
  /// Relationships by index (input order).
  public let relationships: [Relationship]
  /// `from` of every relationship (struct-of-arrays copy for hot loops).
  public let relationshipFrom: [EntityIndex]
  /// `to` of every relationship.
  public let relationshipTo: [EntityIndex]
  /// Relationships leaving each entity.
  public let outgoing: Adjacency
  /// Relationships entering each entity.
  public let incoming: Adjacency
  private let lookup: [RawKey: EntityIndex]

  /// Assembles a graph; entities must already be sorted by id bytes and relationships resolved.
  ///
  /// - Parameter idLookup: every id (kept ids and merged-away ids) to its entity.
  /// - Complexity: O(V + E).
  public init(entities: [Entity], relationships: [Relationship], idLookup: [RawKey: EntityIndex]) {
    self.entities = entities
    self.relationships = relationships
    // Endpoints read in place (a key-path `map` copies every relationship, retaining its fields).
    var from = [EntityIndex](repeating: 0, count: relationships.count)
    var to = [EntityIndex](repeating: 0, count: relationships.count)
    relationships.withUnsafeBufferPointer { buffer in
      for r in buffer.indices {
        from[r] = buffer[r].from
        to[r] = buffer[r].to
      }
    }
    self.relationshipFrom = from
    self.relationshipTo = to
    self.outgoing = Adjacency(entityCount: entities.count, keys: relationshipFrom, others: relationshipTo)
    self.incoming = Adjacency(entityCount: entities.count, keys: relationshipTo, others: relationshipFrom)
    self.lookup = idLookup
  }

  /// An empty graph.
  public static let empty = SupplyGraph(entities: [], relationships: [], idLookup: [:])

  /// Number of entities.
  public var entityCount: Int { entities.count }

  /// Number of relationships.
  public var relationshipCount: Int { relationships.count }

  /// The entity an id resolves to: its own id or any id merged into it.
  ///
  /// - Complexity: O(1) expected.
  public func index(of id: String) -> EntityIndex? { lookup[RawKey(id)] }

  /// The entity at `index`.
  @inlinable
  public subscript(index: EntityIndex) -> Entity { entities[Int(index)] }
}

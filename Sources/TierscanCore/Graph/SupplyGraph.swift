/// The in-memory supply-chain graph: merged entities, relationships in input order, and CSR
/// adjacency in both directions.
///
/// Entities are sorted by the UTF-8 bytes of their id, so `EntityIndex` order is id order.
/// Build one with ``GraphBuilder``.
public struct SupplyGraph: Sendable {
  /// Entities by index (sorted by id bytes).
  public let entities: [Entity]
  /// Relationships by index (input order), as a struct-of-arrays table whose subscript
  /// materialises a ``Relationship``.
  public let relationships: RelationshipTable
  /// `from` of every relationship (the same array as `relationships.from`).
  public var relationshipFrom: [EntityIndex] { relationships.from }
  /// `to` of every relationship (the same array as `relationships.to`).
  public var relationshipTo: [EntityIndex] { relationships.to }
  /// Relationships leaving each entity.
  public let outgoing: Adjacency
  /// Relationships entering each entity.
  public let incoming: Adjacency
  private let lookup: [RawKey: EntityIndex]

  /// Assembles a graph; entities must already be sorted by id bytes and relationships resolved.
  ///
  /// - Parameter idLookup: every id (kept ids and merged-away ids) to its entity.
  /// - Complexity: O(V + E).
  public init(entities: [Entity], relationships: RelationshipTable, idLookup: [RawKey: EntityIndex]) {
    self.entities = entities
    self.relationships = relationships
    self.outgoing = Adjacency(entityCount: entities.count, keys: relationships.from, others: relationships.to)
    self.incoming = Adjacency(entityCount: entities.count, keys: relationships.to, others: relationships.from)
    self.lookup = idLookup
  }

  /// Assembles a graph from relationship values (stored as a ``RelationshipTable``).
  ///
  /// - Complexity: O(V + E).
  public init(entities: [Entity], relationships: [Relationship], idLookup: [RawKey: EntityIndex]) {
    self.init(entities: entities, relationships: RelationshipTable(relationships), idLookup: idLookup)
  }

  /// An empty graph.
  public static let empty = SupplyGraph(entities: [], relationships: [Relationship](), idLookup: [:])

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

/// The in-memory supply-chain graph: merged entities, relationships in input order, and CSR
/// adjacency in both directions.
///
/// Entities are sorted by the UTF-8 bytes of their id, so `EntityIndex` order is id order.
/// Build one with ``GraphBuilder``.
public struct SupplyGraph: Sendable {
  /// Entities by index (sorted by id bytes), as a struct-of-arrays table whose subscript
  /// materialises an ``Entity``; hot loops read its column accessors (``EntityTable/name(of:)``, …).
  public let entities: EntityTable
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
  /// Every id (kept ids and merged-away ids) and the entity each resolves to.
  private let ids: EntityIDLookup

  /// Assembles a graph; entities must already be sorted by id bytes and relationships resolved.
  ///
  /// - Parameters:
  ///   - ids: every id (kept ids and merged-away ids).
  ///   - entityOfID: the entity each id of `ids` resolves to.
  /// - Complexity: O(V + E).
  public init(entities: EntityTable, relationships: RelationshipTable, ids: ByteInterner, entityOfID: [EntityIndex]) {
    precondition(ids.count == entityOfID.count)
    self.entities = entities
    self.relationships = relationships
    (self.outgoing, self.incoming) = Adjacency.both(entityCount: entities.count, from: relationships.from, to: relationships.to)
    self.ids = EntityIDLookup(ids: ids, entityOfID: entityOfID, entities: entities)
  }

  /// Assembles a graph whose ids resolve through `ids` (the graph builder's).
  init(entities: EntityTable, relationships: RelationshipTable, ids: EntityIDLookup) {
    self.entities = entities
    self.relationships = relationships
    (self.outgoing, self.incoming) = Adjacency.both(entityCount: entities.count, from: relationships.from, to: relationships.to)
    self.ids = ids
  }

  /// Assembles a graph from relationship values (stored as a ``RelationshipTable``); every
  /// entity's id resolves to it.
  ///
  /// - Complexity: O(V + E).
  public init(entities: [Entity], relationships: [Relationship]) {
    var ids = ByteInterner()
    for entity in entities { _ = ids.intern(entity.id) }
    self.init(
      entities: EntityTable(entities), relationships: RelationshipTable(relationships), ids: ids,
      entityOfID: entities.indices.map { EntityIndex($0) })
  }

  /// An empty graph.
  public static let empty = SupplyGraph(entities: [], relationships: [Relationship]())

  /// Number of entities.
  public var entityCount: Int { entities.count }

  /// Number of relationships.
  public var relationshipCount: Int { relationships.count }

  /// The entity an id resolves to: its own id or any id merged into it.
  ///
  /// - Complexity: O(log V) for an entity's own id (a search of the id-sorted table), O(1)
  ///   expected for an id merged into another entity.
  public func index(of id: String) -> EntityIndex? { ids.index(of: id, in: entities) }

  /// The entity at `index`.
  @inlinable
  public subscript(index: EntityIndex) -> Entity { entities[Int(index)] }
}

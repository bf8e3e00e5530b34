/// The column accessors of ``EntityTable`` by ``EntityIndex``, for loops over graph indices.
extension EntityTable {
  /// The entity at `v` (materialised from the columns).
  @inlinable public subscript(v: EntityIndex) -> Entity { self[Int(v)] }
  /// The id of entity `v`.
  @inlinable public func id(of v: EntityIndex) -> String { id(of: Int(v)) }
  /// The name of entity `v`.
  @inlinable public func name(of v: EntityIndex) -> String { name(of: Int(v)) }
  /// The kind of entity `v`.
  @inlinable public func kind(of v: EntityIndex) -> EntityKind { kind(of: Int(v)) }
  /// The country of entity `v`.
  @inlinable public func country(of v: EntityIndex) -> String? { country(of: Int(v)) }
  /// The sector of entity `v`.
  @inlinable public func sector(of v: EntityIndex) -> String? { sector(of: Int(v)) }
  /// The commodities of entity `v`.
  @inlinable public func commodities(of v: EntityIndex) -> [String] { commodities(of: Int(v)) }
  /// The identifiers of entity `v`.
  @inlinable public func identifiers(of v: EntityIndex) -> Identifiers { identifiers(of: Int(v)) }
  /// The aliases of entity `v`.
  @inlinable public func aliases(of v: EntityIndex) -> [String] { aliases(of: Int(v)) }
  /// The attributes of entity `v`.
  @inlinable public func attributes(of v: EntityIndex) -> [Attribute] { attributes(of: Int(v)) }
  /// Whether entity `v` is a raw-material source.
  @inlinable public func rawMaterial(of v: EntityIndex) -> Bool { rawMaterial(of: Int(v)) }
  /// Whether entity `v` exists only because a relationship named it.
  @inlinable public func isPlaceholder(of v: EntityIndex) -> Bool { isPlaceholder(of: Int(v)) }
  /// The first source of entity `v`.
  @inlinable public func firstSource(of v: EntityIndex) -> Provenance? { firstSource(of: Int(v)) }
  /// The sources of entity `v`.
  @inlinable public func sources(of v: EntityIndex) -> [Provenance] { sources(of: Int(v)) }
}

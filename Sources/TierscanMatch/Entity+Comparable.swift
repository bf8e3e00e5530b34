import TierscanCore

extension Entity {
  /// Whether duplicate search compares this entity: not a placeholder (named only by an edge)
  /// and not a redacted OMTS `boundary_ref` (attribute `omts.redacted`), whose name
  /// `redacted (<id>)` says nothing about who it is.
  public var isComparableForDuplicates: Bool {
    !isPlaceholder && !Self.isRedacted(attributes)
  }

  /// Whether `attributes` mark a redacted OMTS `boundary_ref`.
  static func isRedacted(_ attributes: [Attribute]) -> Bool {
    attributes.contains { $0.key == "omts.redacted" && $0.value == "true" }
  }
}

extension EntityTable {
  /// ``Entity/isComparableForDuplicates`` of entity `i`, read from the columns.
  public func isComparableForDuplicates(_ i: Int) -> Bool {
    !isPlaceholder(of: i) && !Entity.isRedacted(attributes(of: i))
  }
}

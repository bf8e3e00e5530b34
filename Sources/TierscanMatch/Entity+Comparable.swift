import TierscanCore

extension Entity {
  /// Whether duplicate search compares this entity: not a placeholder (named only by an edge)
  /// and not a redacted OMTS `boundary_ref` (attribute `omts.redacted`), whose name
  /// `redacted (<id>)` says nothing about who it is.
  public var isComparableForDuplicates: Bool {
    !isPlaceholder && !attributes.contains { $0.key == "omts.redacted" && $0.value == "true" }
  }
}

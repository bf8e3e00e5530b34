/// What an import does with an entity the previous period had and this period's inputs no
/// longer report (docs/workspace.md). Nothing is deleted under any policy: the entity's earlier
/// periods, files and keys stay, and its workspace id keeps resolving.
public enum RetirementPolicy: String, Sendable, CaseIterable {
  /// Carry it forward: the period lists it as `retained` (not reported by any source).
  case retain
  /// Retire it (valid until the previous period) and open a review item for a person to
  /// confirm or dismiss. The default: a supplier vanishing is a fact someone should look at.
  case flag
  /// Retire it (valid until the previous period) without a review item.
  case expire

  /// The default policy.
  public static let `default` = RetirementPolicy.flag
}

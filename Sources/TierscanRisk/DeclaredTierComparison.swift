import TierscanCore

/// Supplier lists' declared tiers compared with the tiers the graph gives relative to the focus
/// (model §3; docs/formats.md#declared-tiers). The computed tier is the one every output uses; a
/// declared tier is evidence beside it, never a replacement.
///
/// A declared tier is compared only when the list's discloser is the focus (a supplier's own
/// list counts its tiers from itself). Every declared tier lands in exactly one count:
/// `agree`, `disagree`, `discloserNotFocus`, `noPath` (the supplier has no supply path to the
/// focus), `noDiscloser` (the list's rows loop) or `invalid` (refused at input, `invalid-tier`).
public struct DeclaredTierComparison: Sendable, Equatable {
  /// A supplier whose declared tier differs from its computed tier.
  public struct Disagreement: Sendable, Equatable {
    public var entity: EntityIndex
    public var declared: Int
    public var computed: Int
    public var provenance: Provenance
  }

  /// How many compared rows declared `declared` for a supplier of computed tier `computed`.
  public struct Cell: Sendable, Equatable {
    public var declared: Int
    public var computed: Int
    public var rows: Int
  }

  /// Rows with a usable declared tier (every count below but `invalid` adds up to this).
  public private(set) var declared = 0
  /// Rows whose `tier` cell was refused (`invalid-tier`).
  public private(set) var invalid = 0
  public private(set) var agree = 0
  /// Compared rows that disagree, in input order.
  public private(set) var disagreements: [Disagreement] = []
  public private(set) var discloserNotFocus = 0
  public private(set) var noPath = 0
  public private(set) var noDiscloser = 0
  /// Declared against computed tier over the compared rows, by declared then computed tier.
  public private(set) var cells: [Cell] = []
  /// `declared-tier-mismatch`, `declared-tier-no-path` and `declared-tier-not-compared`, in the
  /// order of their first rows.
  public private(set) var findings: [Finding] = []

  /// No declared tiers.
  public init() {}

  /// Compares `declared` with `tiers` (relative to `focus`).
  ///
  /// - Complexity: O(D log V) for D declared tiers (one id look-up each).
  public init(graph: SupplyGraph, tiers: [Int?], focus: EntityIndex, declared rows: [DeclaredTier]) {
    guard !rows.isEmpty else { return }
    let focusID = graph.entities.id(of: focus)
    /// A group of rows not compared for one reason, reported once per file and discloser.
    struct Group {
      var first: Int
      var rows = 0
      var firstRow: DeclaredTier
      var discloser: String?
      var noPath: Bool
    }
    var groups: [String: Group] = [:]
    var groupOrder: [String] = []
    var ordered: [(Int, Finding)] = []
    var cellCounts: [Int: [Int: Int]] = [:]
    for (index, row) in rows.enumerated() {
      guard let value = row.tier else {
        invalid += 1
        continue
      }
      declared += 1
      let entity = graph.index(of: row.supplier)
      let computed = entity.flatMap { tiers[Int($0)] }
      let discloserIsFocus = row.disclosers.contains { graph.index(of: $0) == focus }
      var groupKey: String?
      var group = Group(first: index, firstRow: row, discloser: nil, noPath: false)
      if let entity, let computed, discloserIsFocus {
        cellCounts[value, default: [:]][computed, default: 0] += 1
        if value == computed {
          agree += 1
        } else {
          disagreements.append(Disagreement(entity: entity, declared: value, computed: computed, provenance: row.provenance))
          ordered.append(
            (
              index,
              Finding(
                .warning, .declaredTierMismatch, at: row.provenance,
                "supplier '\(row.supplier)' is declared tier \(value) by this list (counted from the focus "
                  + "\(focusID)) but is tier \(computed) in the graph (fewest supply hops to \(focusID)); the computed "
                  + "tier is used",
                evidence: [
                  Attribute("entity_id", graph.entities.id(of: entity)), Attribute("declared_tier", String(value)),
                  Attribute("computed_tier", String(computed)),
                ])
            ))
        }
        continue
      } else if computed == nil {
        noPath += 1
        group.noPath = true
        group.discloser = row.disclosers.first
        groupKey = "p\u{1F}\(row.provenance.file)\u{1F}\(row.disclosers.joined(separator: "\u{1F}"))"
      } else if row.disclosers.isEmpty {
        noDiscloser += 1
        groupKey = "l\u{1F}\(row.provenance.file)"
      } else {
        discloserNotFocus += 1
        group.discloser = row.disclosers.first
        groupKey = "d\u{1F}\(row.provenance.file)\u{1F}\(row.disclosers.joined(separator: "\u{1F}"))"
      }
      if let groupKey {
        if groups[groupKey] == nil {
          groups[groupKey] = group
          groupOrder.append(groupKey)
        }
        groups[groupKey]!.rows += 1
      }
    }
    for key in groupOrder {
      let group = groups[key]!
      ordered.append((group.first, Self.finding(for: group.rows, group.firstRow, noPath: group.noPath, graph, tiers, focusID)))
    }
    findings = ordered.sorted { $0.0 < $1.0 }.map(\.1)
    cells = cellCounts.keys.sorted().flatMap { declared in
      cellCounts[declared]!.keys.sorted().map { Cell(declared: declared, computed: $0, rows: cellCounts[declared]![$0]!) }
    }
  }

  /// The one finding for `count` rows of a file not compared for one reason.
  private static func finding(
    for count: Int, _ first: DeclaredTier, noPath: Bool, _ graph: SupplyGraph, _ tiers: [Int?], _ focusID: String
  ) -> Finding {
    let rows = count == 1 ? "1 declared tier" : "\(count) declared tiers"
    let (verb, naming, have) = count == 1 ? ("counts", "names a supplier", "has") : ("count", "name suppliers", "have")
    let firstText = "first: supplier '\(first.supplier)' at \(first.provenance.description)"
    let evidence = [Attribute("rows", String(count))] + first.disclosers.map { Attribute("discloser", $0) }
    if noPath {
      return Finding(
        .warning, .declaredTierNoPath, at: first.provenance,
        "\(rows) in this file \(naming) with no supply path to the focus \(focusID) in the graph "
          + "(\(Self.describe(first.disclosers, graph, tiers))); kept as evidence, not compared (\(firstText))",
        evidence: evidence)
    }
    if first.disclosers.isEmpty {
      return Finding(
        .info, .declaredTierNotCompared, at: first.provenance,
        "\(rows) in this file \(have) no discloser to count from: the list's supplier → buyer rows loop; kept as "
          + "evidence, not compared (\(firstText))",
        evidence: evidence)
    }
    return Finding(
      .info, .declaredTierNotCompared, at: first.provenance,
      "\(rows) in this file \(verb) from \(Self.describe(first.disclosers, graph, tiers)), not from the focus "
        + "\(focusID); kept as evidence, not compared (\(firstText))",
      evidence: evidence)
  }

  /// `D (tier 1 relative to the focus)` or `D (not in the focus's chain)` for each discloser.
  private static func describe(_ disclosers: [String], _ graph: SupplyGraph, _ tiers: [Int?]) -> String {
    guard !disclosers.isEmpty else { return "no discloser: the list's rows loop" }
    return "discloser " + disclosers.map { id in
      if let index = graph.index(of: id), let tier = tiers[Int(index)] {
        return tier == 0 ? "\(id) (the focus)" : "\(id) (tier \(tier) relative to the focus)"
      }
      return "\(id) (not in the focus's chain)"
    }.joined(separator: ", ")
  }
}

import TierscanCore
import TierscanRisk

/// A what-if scan (`scan --without ID[,ID…] --replace OLD=NEW`): the same prepared graph and risk
/// inputs, re-scored without some entities (and all their relationships) or with a supplier
/// replaced by another (which brings its own sub-tree), compared with the unchanged scan in the
/// `diff` format (docs/outputs.md, "What-if"). Inputs are read once; only the graph edit and the
/// risk stage run again.
public struct WhatIf: Sendable {
  /// Entity ids to remove.
  public var without: [String]
  /// Suppliers to replace: `old` → `new`.
  public var replace: [(old: String, new: String)]

  /// Creates a request.
  public init(without: [String] = [], replace: [(old: String, new: String)] = []) {
    self.without = without
    self.replace = replace
  }

  /// Whether anything is asked.
  public var isEmpty: Bool { without.isEmpty && replace.isEmpty }

  /// The file names a what-if adds to the scan outputs.
  public static let diffFileNames = ["whatif-diff.json", "whatif-diff.txt"]

  /// Analyses the edited graph relative to the same focus.
  ///
  /// - Throws: ``ScanPipelineError/whatIf(_:)`` when an id names no entity, the focus is removed,
  ///   or a supplier is replaced by itself.
  public func analyze(
    _ prepared: ScanPipeline.Prepared, focus: EntityIndex, periodEnd: ISODate? = nil, pipeline: ScanPipeline = ScanPipeline()
  ) throws(ScanPipelineError) -> RiskAnalysis {
    let graph = prepared.graph
    func resolve(_ id: String, _ option: String) throws(ScanPipelineError) -> EntityIndex {
      guard let index = graph.index(of: id) else { throw .whatIf("\(option): no entity has the id '\(id)'") }
      return index
    }
    var removed = Set<EntityIndex>()
    for id in without { removed.insert(try resolve(id, "--without")) }
    var pairs: [(old: EntityIndex, new: EntityIndex)] = []
    for (old, new) in replace {
      let pair = (try resolve(old, "--replace"), try resolve(new, "--replace"))
      guard pair.0 != pair.1 else { throw .whatIf("--replace: '\(old)' and '\(new)' are the same entity") }
      pairs.append(pair)
    }
    if removed.contains(focus) || pairs.contains(where: { $0.old == focus }) {
      throw .whatIf("the focus '\(graph.entities.id(of: focus))' cannot be removed or replaced")
    }
    var edited = prepared
    edited.graph = graph.removing(removed, replacing: pairs)
    guard let newFocus = edited.graph.index(of: graph.entities.id(of: focus)) else { throw .whatIf("the focus is not in the edited graph") }
    return pipeline.analyze(edited, focus: newFocus, periodEnd: periodEnd)
  }

  /// `whatif-diff.txt` and `whatif-diff.json`: the unchanged scan's outputs against the what-if's
  /// (both with `graph.json`, so removed entities and relationships are listed).
  ///
  /// Only the files the diff reads are rendered (``ScanOutputWriter/diffedFiles(analysis:)``:
  /// `exposures.csv`, `coverage.json`, `graph.json`), not the whole scan output twice —
  /// `attribution.csv`'s source walks and `paths.json` were most of that work and never read.
  public static func diffFiles(base: RiskAnalysis, whatIf: RiskAnalysis) throws(DiffError) -> (
    diff: ScanDiff, files: [(name: String, bytes: [UInt8])]
  ) {
    try diffFiles(base: ScanOutputWriter.diffedFiles(analysis: base), whatIf: ScanOutputWriter.diffedFiles(analysis: whatIf))
  }

  /// The same from output files held in memory (every file a ``ScanSnapshot`` reads).
  public static func diffFiles(
    base: [(name: String, bytes: [UInt8])], whatIf: [(name: String, bytes: [UInt8])]
  ) throws(DiffError) -> (diff: ScanDiff, files: [(name: String, bytes: [UInt8])]) {
    let old = try ScanSnapshot(files: base, directory: "scan")
    let new = try ScanSnapshot(files: whatIf, directory: "what-if")
    let diff = ScanDiff(old: old, new: new)
    return (diff, [("whatif-diff.json", Array(diff.render(.json).utf8)), ("whatif-diff.txt", Array(diff.render(.text).utf8))])
  }
}

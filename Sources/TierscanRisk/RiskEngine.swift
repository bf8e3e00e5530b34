import Dispatch
import Foundation
import TierscanCore
import TierscanMatch

/// The risk stage's single entry point: inherent risk, aggregate ownership, propagation, tiers
/// and coverage (model §3).
public struct RiskEngine: Sendable {
  public let config: RiskConfig

  /// Creates an engine.
  public init(config: RiskConfig = .defaults) { self.config = config }

  /// Analyses a graph.
  ///
  /// - Parameters:
  ///   - graph: the merged graph.
  ///   - inputs: the risk lists, country-commodity rows and smelter references (``RiskInputs``).
  ///   - focus: the focus entity (resolve `--focus` with ``SupplyGraph/index(of:)``).
  /// - Returns: exposures, tiers, coverage and the risk stage's findings.
  /// - Complexity: O(C · D · (V + E)) for C categories and depth D, plus matching.
  /// - Parameter timings: where the engine's phases (inherent risk, risk arcs, propagation,
  ///   exposure paths, tiers and coverage, unassessed) are recorded; the pipeline passes its
  ///   recorder when one is installed, else nothing is measured.
  /// - Parameter withAttribution: also compute the focus's ``ExposureAttribution``
  ///   (``RiskAnalysis/attribution``, for `attribution.csv`) from the propagation's arcs before
  ///   they are released, instead of reading them from the graph again later.
  public func analyze(
    graph: SupplyGraph, inputs: RiskInputs, focus: EntityIndex, timings: PhaseTimings? = nil,
    withAttribution: Bool = false
  ) -> RiskAnalysis {
    var findings = FindingLog()
    let audits = inputs.audits
    let auditEvidence = audits.isEmpty ? AuditEvidence() : AuditEvidence(inputs: audits, graph: graph, config: config.audit, findings: &findings)
    let scorer = InherentRiskScorer(config: config)
    // The risk and the findings are handed from phase to phase in `handed` (moved, not copied).
    let handed = ConcurrentSlots<(InherentRisk, FindingLog)>(count: 1)
    Self.measure("inherent risk", timings) {
      var log = FindingLog()
      swap(&log, &findings)
      let risk = scorer.scoreRiskLists(graph: graph, inputs: inputs, findings: &log, timings: timings)
      handed.set(0, (risk, log))
    }
    let propagator = RiskPropagator()
    let order = config.categories.indices.sorted { config.categories[$0].utf8Precedes(config.categories[$1]) }
    let transmission = Transmission(graph: graph, config: config)
    // `arcs` is the risk stage's largest structure: held in an optional so it is released as soon
    // as the propagation ends, before the exposure walk. Built on both cores (``RiskArcs``) beside
    // the rest of the inherent risk (country rows, smelters, audits, ownership: one thread, which
    // neither reads the arcs nor is read by them), so that the second core does not idle there;
    // the tiers (they need only the graph and the focus) follow the arcs on their side, in the
    // time the rest still runs alone (the coverage too made that side the longer one at 1M).
    var tiered: (tiers: [Int?], seconds: Double)?
    var arcs: RiskArcs? = Self.measure("risk arcs beside inherent risk (rest)", timings) {
      let (restSeconds, (built, tiersTimed)) = ParallelWork.pair(
        {
          let start = DispatchTime.now().uptimeNanoseconds
          var (risk, log) = handed.take(0)
          scorer.scoreRest(graph: graph, inputs: inputs, audits: auditEvidence, into: &risk, findings: &log)
          handed.set(0, (risk, log))
          return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        },
        {
          let built = RiskArcs(graph: graph, transmission: transmission)
          let start = DispatchTime.now().uptimeNanoseconds
          let tiers = Tiering(graph: graph, focus: focus).tiers
          return (built, (tiers, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        })
      timings?.record("inherent risk (rest, beside risk arcs)", seconds: restSeconds)
      tiered = tiersTimed
      return built
    }
    let tiers = tiered!.tiers
    timings?.record("tiers (after risk arcs, beside inherent risk rest)", seconds: tiered!.seconds)
    tiered = nil
    var taken = handed.take(0)
    let inherent = taken.0
    swap(&findings, &taken.1)
    // Categories are independent: they propagate concurrently, the ones with the most risk
    // sources first (a rough measure of their work, so the last one to start is a short one), and
    // are collected in `order`.
    let sources = order.map { c in inherent.scores[c].reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
    let schedule = order.indices.sorted { sources[$0] != sources[$1] ? sources[$0] > sources[$1] : $0 < $1 }
    // The coverage and the unassessed figures (with the findings on input files none of whose
    // chain entities is assessed) need the tiers and the inherent risk: they run on a thread of
    // their own beside the categories' split (a nested split: two more workers), each timed on
    // its own. With three categories on two workers the third runs alone; this thread fills that.
    var beside: Beside?
    // Results by category index, whatever order the categories ran in.
    let results: [RiskPropagator.Result] = Self.measure("propagation", timings) {
      let propagationArcs = arcs!
      let (besideResult, scheduled) = ParallelWork.pair(
        { Beside(graph: graph, tiers: tiers, inputs: inputs, inherent: inherent) },
        {
          ParallelWork.each(count: order.count) { k in
            propagator.propagate(
              arcs: propagationArcs, inherent: inherent.scores[order[schedule[k]]], maxDepth: config.maxDepth)
          }
        })
      beside = besideResult
      var byCategory = [RiskPropagator.Result?](repeating: nil, count: config.categories.count)
      for (k, result) in scheduled.enumerated() { byCategory[order[schedule[k]]] = result }
      return byCategory.map { $0! }
    }
    timings?.addCounts("propagation", [("relaxations", results.reduce(0) { $0 + $1.relaxations })])
    // The attribution reads the arcs the propagation used while they are held (its walk graph,
    // ~28 MB at 1M/5M, lives only inside this phase, whose peak is below the exposure walk's).
    var attribution: ExposureAttribution?
    if withAttribution {
      let propagationArcs = arcs!
      attribution = Self.measure("attribution", timings) {
        ExposureAttribution(
          graph: graph, focus: focus, config: config, results: results, inherent: inherent, transmission: transmission,
          arcs: propagationArcs)
      }
    }
    arcs = nil
    // Exposures of pieces of the entity range concurrently, in entity order. Each piece
    // gets its own explanation source: every exposure holds a reference to it, and two cores
    // retaining one shared object millions of times would fight over its reference count.
    // The pieces count their exposures first and write them into one array (no copy of every
    // piece's exposures to join: that doubled this phase's 92 MB at 1M, the scan's peak).
    let exposures = Self.measure("exposure paths", timings) {
      ParallelWork.concatenated(
        count: graph.entityCount, minimumToSplit: 20_000,
        counting: { range in countExposures(entities: range, results: results) },
        filling: { range, emit in
          let explanations = ExplanationSource(
            categories: config.categories, results: results, transmission: transmission, inherent: inherent)
          collectExposures(entities: range, order: order, explanations: explanations, into: emit)
        })
    }
    let (coverage, unassessed, inputFindings) = (beside!.coverage, beside!.unassessed, beside!.inputFindings)
    timings?.record("coverage (beside propagation)", seconds: beside!.coverageSeconds)
    timings?.record("unassessed (beside propagation)", seconds: beside!.unassessedSeconds)
    beside = nil
    let declaredTiers = DeclaredTierComparison(graph: graph, tiers: tiers, focus: focus, declared: inputs.declaredTiers)
    return RiskAnalysis(
      graph: graph, config: config, focus: focus, exposures: exposures, tiers: tiers, coverage: coverage,
      unassessed: unassessed, transmission: transmission, findings: findings, audits: auditEvidence,
      chainFindings: inputFindings + declaredTiers.findings,
      declaredTiers: declaredTiers,
      // ExposureAttribution(analysis:) has no rows for an analysis without exposures.
      attribution: attribution.map { exposures.isEmpty ? ExposureAttribution() : $0 })
  }

  /// Analyses a graph with risk inputs given part by part (a convenience for tests and small
  /// callers; the pipeline passes one ``RiskInputs``).
  public func analyze(
    graph: SupplyGraph, riskList: [RiskListEntry], countryRisk: [CountryRiskEntry],
    smelterReferences: [SmelterReference], focus: EntityIndex
  ) -> RiskAnalysis {
    analyze(
      graph: graph,
      inputs: RiskInputs(riskList: riskList, countryRisk: countryRisk, smelterReferences: smelterReferences),
      focus: focus)
  }

  /// What the risk stage computes beside the propagation (from the tiers and the inherent risk),
  /// with the seconds each part took.
  private struct Beside: Sendable {
    var coverage: Coverage
    var coverageSeconds: Double
    var unassessed: Unassessed
    /// ``Unassessed/inputFindings(graph:tiers:)``.
    var inputFindings: [Finding]
    var unassessedSeconds: Double

    init(graph: SupplyGraph, tiers: [Int?], inputs: RiskInputs, inherent: InherentRisk) {
      let start = DispatchTime.now().uptimeNanoseconds
      coverage = Coverage(
        graph: graph, tiers: tiers, hasRiskList: !inputs.riskList.isEmpty,
        hasCountryRisk: !inputs.countryRisk.isEmpty, hasSmelterStatus: inputs.hasSmelterStatus)
      let middle = DispatchTime.now().uptimeNanoseconds
      unassessed = Unassessed(
        graph: graph, tiers: tiers, inherent: inherent, countryRisk: inputs.countryRisk,
        hasSmelterStatus: coverage.hasSmelterStatus)
      inputFindings = unassessed.inputFindings(graph: graph, tiers: tiers)
      let end = DispatchTime.now().uptimeNanoseconds
      coverageSeconds = Double(middle - start) / 1e9
      unassessedSeconds = Double(end - middle) / 1e9
    }
  }

  private static func measure<T>(_ name: String, _ timings: PhaseTimings?, _ body: () -> T) -> T {
    guard let timings else { return body() }
    return timings.measure(name, body)
  }

  /// The number of exposures of `entities` (what ``collectExposures(entities:order:explanations:into:)`` emits).
  private func countExposures(entities: Range<Int>, results: [RiskPropagator.Result]) -> Int {
    var count = 0
    for result in results {
      for v in entities where result.scores[v] > 0 && config.level(of: result.scores[v]) != nil { count += 1 }
    }
    return count
  }

  /// Emits the exposures of `entities` sorted by entity, then category bytes (`order`).
  private func collectExposures(
    entities: Range<Int>, order: [Int], explanations: ExplanationSource, into emit: (Exposure) -> Void
  ) {
    let results = explanations.results
    for v in entities {
      for c in order where results[c].scores[v] > 0 {
        let entity = EntityIndex(v)
        let score = results[c].scores[v]
        guard let level = config.level(of: score) else { continue }
        emit(
          Exposure(
            entity: entity, categoryIndex: c, score: score, level: level,
            hops: results[c].hops(of: entity), source: results[c].source(of: entity), explanations: explanations))
      }
    }
  }
}

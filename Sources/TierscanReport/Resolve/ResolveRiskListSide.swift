import TierscanCore
import TierscanMatch

/// What `tierscan resolve`'s risk-list pass queries (docs/entity-resolution.md §8): the rows as
/// records, their blocking index, gate, prefilter and score-bound names, and the entities' name
/// keys and words in the rows' numbering. It depends on the rows, the configuration and the
/// duplicate search's index and gate only, so ``ResolveReport`` builds it beside the block table
/// (each a serial pass of a few hundredths of a second at a million entities).
struct ResolveRiskListSide: Sendable {
  let rows: [PreparedRecord]
  let index: BlockingIndex
  let bound: ScoreBound
  /// `bound.prepare(rows[r])` by row.
  let rowNames: [ScoreBound.Names]
  let gate: WordGate
  /// Gate first, as the screening (docs/entity-resolution.md §4.1): an entity that no row can
  /// both pass the gate against and reach `possible` with in the scorer needs no candidates.
  let prefilter: ScreeningPrefilter
  /// The entities' name keys in the rows' numbering (``BlockingIndex/keyTranslation(to:)``).
  let keyTranslation: [Int32]
  /// The entities' words, countries and identifiers, as the duplicate search's gate interned
  /// them, in the rows' gate's numbering: each distinct one looked up once, not once per record.
  let wordTranslation: WordGate.Translation

  /// The side of `riskList`'s rows, for entities indexed in `entityIndex` and `entityGate`.
  init(riskList: [RiskListEntry], config: MatchConfig, entityIndex: BlockingIndex, entityGate: WordGate) {
    let rows = riskList.map { PreparedRecord(MatchRecord(row: $0)) }
    let index = BlockingIndex(records: rows, config: config)
    let bound = ScoreBound(config: config)
    let gate = WordGate(records: rows, config: config)
    self.rows = rows
    self.index = index
    self.bound = bound
    rowNames = rows.map { bound.prepare($0) }
    self.gate = gate
    prefilter = ScreeningPrefilter(gate: gate, reaching: bound.leastPossible, config: config)
    keyTranslation = entityIndex.keyTranslation(to: index)
    wordTranslation = gate.translation(of: entityGate)
  }
}

import TierscanCore
import TierscanIngest
import TierscanReport

extension Workspace {
  /// Last year's statement pack for `statement --workspace FILE --period P --previous PERIOD`,
  /// built in memory from `period`: the period's stored inputs (with its import's configuration
  /// and the judgements in force for it), analysed relative to `focus` at the end of `year`,
  /// rendered by ``StatementPack`` exactly as `statement INPUT… --year YEAR` writes it. The
  /// comparison then reads `exposures.csv`, `coverage.json`, `graph.json` and `statement.json`
  /// from it, as it reads them from a previous output directory; the label is the period.
  ///
  /// - Throws: ``WorkspaceError/unknownPeriod(_:known:)``; ``WorkspaceError/invalidArgument(_:)``
  ///   when the focus is not in that period's graph.
  public func previousOutput(
    period: String, focus: String, year: Int, regimes: StatementRegimes, questionnaireVersion: String,
    options: IngestOptions = IngestOptions()
  ) throws(WorkspaceError) -> PreviousOutput {
    let prepared = try prepare(period: period, options: options)
    let pipeline = ScanPipeline()
    let index: EntityIndex
    do {
      index = try pipeline.focusIndex(focus, in: prepared.graph)
    } catch {
      throw .invalidArgument("--previous \(period): \(error.description)")
    }
    let analysis = pipeline.analyze(prepared, focus: index, periodEnd: ISODate.endOfYear(year))
    let pack: (document: StatementDocument, files: [(name: String, bytes: [UInt8])])
    do {
      pack = try StatementPack.build(
        prepared: prepared, analysis: analysis, manifest: pipeline.manifest(for: prepared), year: year, regimes: regimes,
        previousOutput: nil, questionnaireVersion: questionnaireVersion)
    } catch {
      throw .invalidArgument("--previous \(period): \(error.description)")
    }
    let read: Set<String> = ["exposures.csv", "coverage.json", "graph.json", "statement.json"]
    return PreviousOutput(label: period, files: pack.files.filter { read.contains($0.name) })
  }
}

import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk
import TierscanWorkspace

/// The front half every scan-like command shares: run the pipeline, analyse relative to the
/// focus when there is one, print every finding, and turn a pipeline error into its exit code
/// (2 for a bad configuration, 64 for a bad focus or id).
struct ScanRun {
  let pipeline = ScanPipeline()
  let prepared: ScanPipeline.Prepared
  /// `nil` when the command was given no focus.
  let analysis: RiskAnalysis?
  /// Ingest, graph and risk findings, already printed on stderr.
  let findings: [Finding]

  /// Prepares and analyses; prints the findings.
  ///
  /// - Parameter periodEnd: the period end when `--period-end` is not given (a statement's year end).
  /// - Parameter withAttribution: the risk stage computes the focus's attribution
  ///   (``RiskAnalysis/attribution``: a scan writing `attribution.csv`).
  /// - Parameter readsRelationshipRows: `false` leaves the rows of relationships CSV files unread
  ///   (``IngestOptions/readsRelationshipRows``; `resolve`, which compares entities only).
  /// - Parameter hashesInputs: `false` for a command that writes no manifest: the inputs are not
  ///   hashed in the background (``ScanRequest/hashesInputsInBackground``).
  init(
    options: ScanOptions, input: InputOptions, focus: String?, periodEnd: ISODate? = nil, withAttribution: Bool = false,
    readsRelationshipRows: Bool = true, hashesInputs: Bool = true
  ) throws {
    if let workspace = input.workspace, let period = input.period {
      prepared = try Self.prepare(
        workspace: workspace, period: period, options: options, readsRelationshipRows: readsRelationshipRows)
    } else {
      Output.progress("reading \(input.inputs.count) input argument(s) and building the graph…")
      do {
        var request = options.request(inputs: input.inputs, focus: focus)
        request.ingestOptions.readsRelationshipRows = readsRelationshipRows
        request.hashesInputsInBackground = hashesInputs
        prepared = try pipeline.prepare(request)
      } catch {
        throw Self.exit(for: error, inputErrors: false)
      }
    }
    if let focus {
      let index: EntityIndex
      do {
        index = try pipeline.focusIndex(focus, in: prepared.graph)
      } catch {
        // The input findings often say why the focus is missing (every input failed, the
        // focus's own row was rejected): print them first, and let them decide the exit code.
        Output.printFindings(prepared.findings)
        throw Self.exit(for: error, inputErrors: prepared.findings.contains { $0.severity == .error })
      }
      Output.progress("\(prepared.graph.entityCount) entities, \(prepared.graph.relationshipCount) relationships; propagating risk…")
      analysis = pipeline.analyze(
        prepared, focus: index, periodEnd: options.periodEnd ?? periodEnd, withAttribution: withAttribution)
    } else {
      analysis = nil
    }
    findings = prepared.findings + (analysis?.allFindings ?? [])
    KeptUntilExit.keep((prepared, analysis, findings))
    Output.printFindings(findings)
  }

  /// The period's stored inputs read from the workspace (its import's configuration and
  /// smelter look-ups apply; `--config` and `--smelter-lookup` belong to `workspace import`).
  static func prepare(
    workspace: String, period: String, options: ScanOptions, readsRelationshipRows: Bool = true
  ) throws -> ScanPipeline.Prepared {
    if options.config != nil || !options.smelterLookups.isEmpty {
      Output.printError(
        "error: --config and --smelter-lookup are given to `tierscan workspace import`; --workspace reads the period as imported")
      throw ExitCode(ExitStatus.usage)
    }
    Output.progress("reading period \(period) from workspace \(workspace) and building the graph…")
    do {
      var ingestOptions = options.request(inputs: [], focus: nil).ingestOptions
      ingestOptions.readsRelationshipRows = readsRelationshipRows
      return try Workspace.open(at: workspace).prepare(period: period, options: ingestOptions)
    } catch {
      Output.printError("error: \(error.description)")
      throw ExitCode(ExitStatus.usage)
    }
  }

  /// The entity `id` given to `--option` resolves to, or the printed error's exit code.
  func entity(_ id: String, option: String) throws -> EntityIndex {
    do {
      return try pipeline.entityIndex(id, in: prepared.graph, option: option)
    } catch {
      throw Self.exit(for: error, inputErrors: hasErrors)
    }
  }

  /// Whether any finding is an error (exit code 2).
  var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Prints `error` and returns its exit code: 2 for a bad configuration; for an unknown id, 2
  /// when the inputs had errors (which take precedence and usually explain it), else 64.
  private static func exit(for error: ScanPipelineError, inputErrors: Bool) -> ExitCode {
    Output.printError(error.description)
    switch error {
    case .invalidConfig, .unreadableConfig: return ExitCode(ExitStatus.inputErrors)
    case .unknownFocus, .unknownEntity, .emptyGraph: return ExitCode(inputErrors ? ExitStatus.inputErrors : ExitStatus.usage)
    case .whatIf: return ExitCode(ExitStatus.usage)
    }
  }
}

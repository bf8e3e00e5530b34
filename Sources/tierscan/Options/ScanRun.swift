import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

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
  init(options: ScanOptions, inputs: [String], focus: String?, periodEnd: ISODate? = nil) throws {
    do {
      Output.progress("reading \(inputs.count) input argument(s) and building the graph…")
      prepared = try pipeline.prepare(options.request(inputs: inputs, focus: focus))
      if let focus {
        Output.progress("\(prepared.graph.entityCount) entities, \(prepared.graph.relationshipCount) relationships; propagating risk…")
        analysis = pipeline.analyze(
          prepared, focus: try pipeline.focusIndex(focus, in: prepared.graph), periodEnd: options.periodEnd ?? periodEnd)
      } else {
        analysis = nil
      }
    } catch {
      throw Self.exit(for: error)
    }
    findings = prepared.findings + (analysis?.findings.findings ?? [])
    KeptUntilExit.keep((prepared, analysis, findings))
    Output.printFindings(findings)
  }

  /// The entity `id` resolves to, or the printed error's exit code.
  func entity(_ id: String) throws -> EntityIndex {
    do {
      return try pipeline.focusIndex(id, in: prepared.graph)
    } catch {
      throw Self.exit(for: error)
    }
  }

  /// Whether any finding is an error (exit code 2).
  var hasErrors: Bool { findings.contains { $0.severity == .error } }

  private static func exit(for error: ScanPipelineError) -> ExitCode {
    Output.printError(error.description)
    switch error {
    case .invalidConfig, .unreadableConfig: return ExitCode(ExitStatus.inputErrors)
    case .unknownFocus, .emptyGraph, .whatIf: return ExitCode(ExitStatus.usage)
    }
  }
}

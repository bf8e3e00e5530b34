import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan export INPUT… --format json|graphml|dot|omts [--focus ID] [--subgraph ID --depth N] [--out F]`
/// (OMTS: `[--salt HEX] [--snapshot-date D] [--disclosure-scope S]`).
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the merged graph (or the part around one entity) as JSON, GraphML, DOT or OMTS.")

  @OptionGroup var input: InputOptions
  @Option(help: "Output format: json, graphml, dot or omts.") var format: GraphExport.Format
  @Option(help: "Add tiers and exposure scores relative to this focus (GraphML and DOT; OMTS: exposure labels and reporting_entity).")
  var focus: String?
  @Option(help: "OMTS file_salt: 64 lower-case hex characters (needed with --subgraph: redacted boundary references).")
  var salt: String?
  @Option(help: "OMTS snapshot_date YYYY-MM-DD (default: 31 December of the latest reporting_year).")
  var snapshotDate: String?
  @Option(help: "OMTS disclosure_scope: internal (default), partner or public (filters identifiers, persons, attributes).")
  var disclosureScope: OMTSExportOptions.Scope = .internal
  @OptionGroup var scan: ScanOptions
  @Option(help: "Only the entities within --depth hops of this entity, either direction.") var subgraph: String?
  @Option(help: "Hops from --subgraph (required with it).") var depth: Int?
  @Option(help: "Write to this file (atomically) instead of stdout.") var out: String?

  func validate() throws {
    try OutputPath.check(out)
    if subgraph != nil, depth == nil { throw ValidationError("--subgraph needs --depth N.") }
    if subgraph == nil, depth != nil { throw ValidationError("--depth needs --subgraph ID.") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more.") }
    if format != .omts, salt != nil || snapshotDate != nil || disclosureScope != .internal {
      throw ValidationError("--salt, --snapshot-date and --disclosure-scope apply to --format omts only.")
    }
    if let salt, !OMTSExportOptions.isValidSalt(salt) { throw ValidationError(OMTSExportError.invalidSalt.description) }
  }

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: focus)
    let selection = try subgraph.map { GraphSelection(around: try run.entity($0, option: "subgraph"), depth: depth ?? 0, in: run.prepared.graph) }
    let (prepared, analysis) = (run.prepared, run.analysis)
    // The bytes as rendered (an OMTS file of a million nodes is gigabytes: no text copies).
    let bytes: [UInt8]
    if format == .omts {
      let options = OMTSExportOptions(
        salt: salt, snapshotDate: snapshotDate, scope: disclosureScope, reportingEntity: analysis?.focus)
      do {
        let evidence = OMTSExportEvidence(
          declaredTiers: prepared.inputs.declaredTiers, smelterReferences: prepared.inputs.smelterReferences)
        bytes = try OMTSExport.render(
          prepared.graph, subgraph: selection, options: options, analysis: analysis, evidence: evidence)
      } catch {
        Output.printError("error: export: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    } else {
      bytes = Array(
        GraphExport.render(
          prepared.graph, format: format, selection: selection, analysis: analysis,
          possibleSameAs: prepared.duplicates.possibleSameAs
        ).utf8)
    }
    if let out {
      do {
        try AtomicFile.write(bytes, to: out, inputs: input.inputs.map { URL(fileURLWithPath: $0) })
      } catch {
        Output.printError("error: output: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    } else {
      print(String(decoding: bytes, as: UTF8.self), terminator: "")
    }
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

extension GraphExport.Format: ExpressibleByArgument {}
extension OMTSExportOptions.Scope: ExpressibleByArgument {}

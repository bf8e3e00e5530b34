import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan export INPUT… --format json|graphml|dot [--focus ID] [--subgraph ID --depth N] [--out F]`.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the merged graph (or the part around one entity) as JSON, GraphML or DOT.")

  @OptionGroup var input: InputOptions
  @Option(help: "Output format: json, graphml or dot.") var format: GraphExport.Format
  @Option(help: "Add tiers and exposure scores relative to this focus (GraphML and DOT).") var focus: String?
  @OptionGroup var scan: ScanOptions
  @Option(help: "Only the entities within --depth hops of this entity, either direction.") var subgraph: String?
  @Option(help: "Hops from --subgraph (required with it).") var depth: Int?
  @Option(help: "Write to this file (atomically) instead of stdout.") var out: String?

  func validate() throws {
    if subgraph != nil, depth == nil { throw ValidationError("--subgraph needs --depth N.") }
    if subgraph == nil, depth != nil { throw ValidationError("--depth needs --subgraph ID.") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more.") }
  }

  func run() throws {
    let pipeline = ScanPipeline()
    let prepared: ScanPipeline.Prepared
    var analysis: RiskAnalysis?
    var selection: GraphSelection?
    do {
      prepared = try pipeline.prepare(scan.request(inputs: input.inputs, focus: focus))
      if let focus { analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex(focus, in: prepared.graph)) }
      if let subgraph, let depth {
        let center = try pipeline.focusIndex(subgraph, in: prepared.graph)
        selection = GraphSelection(around: center, depth: depth, in: prepared.graph)
      }
    } catch {
      Output.printError(error.description)
      switch error {
      case .invalidConfig, .unreadableConfig: throw ExitCode(ExitStatus.inputErrors)
      default: throw ExitCode(ExitStatus.usage)
      }
    }
    let findings = prepared.findings + (analysis?.findings.findings ?? [])
    Output.printFindings(findings)
    let text = GraphExport.render(prepared.graph, format: format, selection: selection, analysis: analysis)
    if let out {
      do {
        try AtomicFile.write(Array(text.utf8), to: out)
      } catch {
        Output.printError("\(out): error: output: \(error.localizedDescription)")
        throw ExitCode(ExitStatus.usage)
      }
    } else {
      print(text, terminator: "")
    }
    if findings.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.inputErrors) }
  }
}

extension GraphExport.Format: ExpressibleByArgument {}

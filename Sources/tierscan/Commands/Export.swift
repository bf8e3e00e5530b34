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
    try OutputPath.check(out)
    if subgraph != nil, depth == nil { throw ValidationError("--subgraph needs --depth N.") }
    if subgraph == nil, depth != nil { throw ValidationError("--depth needs --subgraph ID.") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more.") }
  }

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: focus)
    let selection = try subgraph.map { GraphSelection(around: try run.entity($0, option: "subgraph"), depth: depth ?? 0, in: run.prepared.graph) }
    let (prepared, analysis) = (run.prepared, run.analysis)
    let text = GraphExport.render(
      prepared.graph, format: format, selection: selection, analysis: analysis,
      possibleSameAs: prepared.duplicates.possibleSameAs)
    if let out {
      do {
        try AtomicFile.write(Array(text.utf8), to: out, inputs: input.inputs.map { URL(fileURLWithPath: $0) })
      } catch {
        Output.printError("error: output: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    } else {
      print(text, terminator: "")
    }
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

extension GraphExport.Format: ExpressibleByArgument {}

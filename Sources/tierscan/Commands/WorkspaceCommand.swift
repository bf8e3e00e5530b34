import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanWorkspace

/// `tierscan workspace init|import|history|check|judge|judgements`: the SQLite workspace of every import, period and
/// retirement (docs/workspace.md). Reading commands take `--workspace FILE --period P`.
struct WorkspaceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workspace",
    abstract: "Keep every import, period and retirement in one SQLite workspace file.",
    subcommands: [Init.self, Import.self, History.self, Check.self, Judge.self, Judgements.self])

  /// `tierscan workspace init FILE`.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty workspace file.")
    @Argument(help: "The workspace file to create (refused if it exists).") var file: String

    func run() throws {
      let workspace = try WorkspaceCommand.run { () throws(WorkspaceError) in try Workspace.create(at: file) }
      let version = try WorkspaceCommand.run { () throws(WorkspaceError) in try workspace.schemaVersion() }
      print("created workspace \(file) (schema version \(version))")
    }
  }

  /// `tierscan workspace import FILE --period P INPUT… [--source NAME] [--config F]
  /// [--smelter-lookup F] [--retire retain|flag|expire] [--focus ID]`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import a period's inputs in one transaction; a source imported again replaces its earlier files.")
    @Argument(help: "The workspace file.") var file: String
    @Option(help: "The period (e.g. 2025 or 2025-Q1; periods order by their text).") var period: String
    @Option(help: "One source name for all INPUTs (default: each INPUT argument as given is its own source).")
    var source: String?
    @Option(help: "What happens to entities the previous period had and this one no longer reports: retain, flag or expire.")
    var retire: RetirementPolicy = .default
    @Option(help: "Also store the period's exposures relative to this focus company.") var focus: String?
    @OptionGroup var scan: ScanOptions
    @Argument(help: "Input files or directories (.csv, .xml, .xlsx), read in the order given.") var inputs: [String] = []

    func validate() throws {
      if inputs.isEmpty { throw ValidationError("Give at least one INPUT file or directory.") }
    }

    func run() throws {
      let request = WorkspaceImportRequest(
        period: period, inputs: inputs, source: source, configPath: scan.config, smelterLookups: scan.smelterLookups,
        retirement: retire, focus: focus, ingestOptions: scan.request(inputs: inputs, focus: nil).ingestOptions)
      Output.progress("importing \(inputs.count) input argument(s) into \(file) as period \(period)…")
      let timings = ProcessInfo.processInfo.environment["TIERSCAN_TIMINGS"] == "1" ? PhaseTimings() : nil
      defer { if let timings { Output.writeStandardError(timings.report) } }
      let result = try PhaseTimings.$current.withValue(timings) {
        try WorkspaceCommand.run { () throws(WorkspaceError) in try Workspace.open(at: file).importPeriod(request) }
      }
      Output.printFindings(result.findings)
      let errors = result.findings.filter { $0.severity == .error }.count
      let warnings = result.findings.filter { $0.severity == .warning }.count
      var text = "import \(result.importID): period \(result.period)"
      text += ", source(s) \(result.sources.joined(separator: ", "))"
      if !result.replacedSources.isEmpty { text += " (replacing \(result.replacedSources.joined(separator: ", ")))" }
      text += "\n  files: \(result.filesBrought) brought, \(result.filesCarried) carried over from other sources"
      text += "\n  graph: \(result.entities) entities (\(result.newEntities) new to the workspace), \(result.relationships) relationships"
      if result.keptByJudgement + result.keptByResolution + result.sentToReview > 0 {
        text += "\n  workspace ids kept by judgement: \(result.keptByJudgement), by entity resolution: \(result.keptByResolution)"
        text += "; pairs sent to review: \(result.sentToReview)"
      }
      text += "\n  previous period's entities no longer reported: \(result.retired) retired (\(retire.rawValue)), \(result.retained) retained"
      if focus != nil { text += "\n  exposures stored: \(result.exposures)" }
      text += "\n  findings: \(errors) error(s), \(warnings) warning(s)\n"
      print(text, terminator: "")
    }
  }

  /// `tierscan workspace history FILE ENTITY`.
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "An entity's timeline: periods, sources and files, identifiers and names, exposures, retirement.")
    @Argument(help: "The workspace file.") var file: String
    @Argument(help: "An entity id (any id ever used), an identifier (LEI, DUNS, CID, VAT) or a workspace id (W123).")
    var entity: String

    func run() throws {
      let history = try WorkspaceCommand.run { () throws(WorkspaceError) in try Workspace.open(at: file).history(of: entity) }
      print(history.text, terminator: "")
    }
  }

  /// `tierscan workspace check FILE`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the workspace file (SQLite integrity and foreign keys) and list its periods.")
    @Argument(help: "The workspace file.") var file: String

    func run() throws {
      let (version, periods, problems) = try WorkspaceCommand.run { () throws(WorkspaceError) in
        let workspace = try Workspace.open(at: file)
        return (try workspace.schemaVersion(), try workspace.periods(), try workspace.problems())
      }
      print("\(file): schema version \(version); periods: \(periods.isEmpty ? "none" : periods.joined(separator: ", "))")
      for problem in problems { print("problem: \(problem)") }
      print(problems.isEmpty ? "ok" : "\(problems.count) problem(s)")
      if !problems.isEmpty { throw ExitCode(ExitStatus.inputErrors) }
    }
  }

  /// Runs a workspace operation; a ``WorkspaceError`` is printed and exits 64 (2 for a bad
  /// configuration).
  static func run<T>(_ body: () throws(WorkspaceError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      Output.printError("error: \(error.description)")
      if case .config = error { throw ExitCode(ExitStatus.inputErrors) }
      throw ExitCode(ExitStatus.usage)
    }
  }
}

extension RetirementPolicy: ExpressibleByArgument {}

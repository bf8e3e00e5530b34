import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk
import TierscanWorkspace

/// `tierscan statement INPUT… --focus ID --year Y [--regime uk,au|both] [--previous DIR]
/// [--config F] [--smelter-lookup F] --out DIR`: the Modern Slavery Statement evidence pack.
struct Statement: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the Modern Slavery Statement evidence pack (UK s.54, AU s.16) with the scan outputs.")

  @OptionGroup var input: InputOptions
  @Option(help: "The reporting organisation's id.") var focus: String
  @Option(help: "The reporting year (written into the pack; no clock is read).") var year: Int
  @Option(help: "Regimes, comma-separated: uk, au, ca, intl (both = uk,au; all = every regime).") var regime: StatementRegimes = .both
  @Option(
    help: "The previous year's scan or statement output directory, to report the change (with --workspace: a period of the workspace).")
  var previous: String?
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for the pack (written atomically).") var out: String
  @Option(
    name: .customLong("questionnaire-version"),
    help: "The S-211 questionnaire version answered with --regime ca (known: \(S211Questionnaire.versions.joined(separator: ", "))).")
  var questionnaireVersion = S211Questionnaire.defaultVersion

  /// The reporting years a statement may name (a typo such as 225 or 20255 is a usage error).
  static let years = 1900...2200

  func validate() throws {
    try OutputPath.check(out)
    guard Self.years.contains(year) else {
      throw ValidationError("--year \(year) is not a reporting year in \(Self.years.lowerBound)...\(Self.years.upperBound).")
    }
    guard S211Questionnaire.versions.contains(questionnaireVersion) else {
      throw ValidationError(StatementError.unknownQuestionnaireVersion(questionnaireVersion).description)
    }
  }

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: focus, periodEnd: ISODate.endOfYear(year))
    let (pipeline, prepared, analysis) = (run.pipeline, run.prepared, run.analysis!)
    let pack: (document: StatementDocument, files: [(name: String, bytes: [UInt8])])
    var previousOutput: PreviousOutput?
    if let workspace = input.workspace, let previous {
      previousOutput = try WorkspaceCommand.run { () throws(WorkspaceError) in
        try Workspace.open(at: workspace).previousOutput(
          period: previous, focus: focus, year: year - 1, regimes: regime, questionnaireVersion: questionnaireVersion,
          options: scan.request(inputs: [], focus: nil).ingestOptions)
      }
    }
    do {
      if input.workspace != nil {
        pack = try StatementPack.build(
          prepared: prepared, analysis: analysis, manifest: pipeline.manifest(for: prepared), year: year, regimes: regime,
          previousOutput: previousOutput, questionnaireVersion: questionnaireVersion)
      } else {
        pack = try StatementPack.build(
          prepared: prepared, analysis: analysis, manifest: pipeline.manifest(for: prepared), year: year, regimes: regime,
          previous: previous, questionnaireVersion: questionnaireVersion)
      }
    } catch {
      Output.printError(error.description)
      throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.inputErrors)
    }
    do {
      try StatementPack.write(pack.files, to: URL(fileURLWithPath: out), inputs: input.inputs.map { URL(fileURLWithPath: $0) })
    } catch {
      Output.printError("error: output: \(error.description)")
      throw ExitCode(ExitStatus.usage)
    }
    let f = pack.document.figures
    let c = f.composition
    print(
      "statement pack for \(f.focusID), \(year): \(pack.document.sections.count) sections, \(c.entities) entities below the focus "
        + "(suppliers \(c.suppliers), smelters \(c.smelters), mines \(c.mines))")
    print(
      "exposed below the focus: \(f.exposureCounts.entities) distinct entities, \(f.exposureCounts.pairs) entity × category; by level "
        + f.exposureCounts.levels.map { "\($0.level.rawValue) \($0.entities) entities / \($0.pairs) pairs" }.joined(separator: ", "))
    if let change = pack.document.change {
      print("since \(previous ?? "previous"): \(change.entitiesAdded.count) entities added, \(change.entitiesRemoved.count) removed, \(change.exposures.count) exposure changes")
    }
    print("wrote \(pack.files.map(\.name).joined(separator: ", ")) to \(out)")
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

extension StatementRegimes: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
  public var defaultValueDescription: String { "both" }
  public static var allValueStrings: [String] { StatementRegime.allCases.map(\.rawValue) + ["both", "all"] }
}

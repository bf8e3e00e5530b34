import ArgumentParser
import Foundation
import TierscanCore
import TierscanWorkspace

extension WorkspaceCommand {
  /// `tierscan workspace judge FILE LEFT RIGHT DECISION --reviewer R --decided-on D [--reason T]
  /// [--period P]`.
  struct Judge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a reviewer's judgement (same, not_same, unsure) about two records in the workspace.")
    @Argument(help: "The workspace file.") var file: String
    @Argument(help: "An entity id or alias the workspace has seen, or a risk-list row as list:<list>|<name>.")
    var left: String
    @Argument(help: "The other side, written the same way.") var right: String
    @Argument(help: "same, not_same or unsure.") var decision: String
    @Option(help: "Who decided.") var reviewer: String
    @Option(name: .customLong("decided-on"), help: "When, as YYYY-MM-DD (tierscan reads no clock).") var decidedOn: String
    @Option(help: "Why (kept with the judgement and exported).") var reason: String?
    @Option(help: "The first period it applies to (default: the newest period).") var period: String?

    func run() throws {
      let request = WorkspaceJudgementRequest(
        left: left, right: right, decision: decision, reviewer: reviewer, decidedOn: decidedOn, reason: reason,
        period: period)
      let result = try WorkspaceCommand.run { () throws(WorkspaceError) in
        try Workspace.open(at: file).recordJudgement(request)
      }
      for stored in result.recorded { print("recorded \(Judgements.line(stored))") }
      for stored in result.alreadyRecorded { print("already recorded \(Judgements.line(stored)); nothing added") }
      for side in result.staleSides {
        print("note: \(side) is not in period \(result.period); reading that period reports the judgement as stale")
      }
    }
  }

  /// `tierscan workspace judgements import|export|list`.
  struct Judgements: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import, export or list the workspace's reviewer judgements (the judgements file format).",
      subcommands: [ImportFile.self, Export.self, List.self])

    static func line(_ stored: StoredJudgement) -> String { stored.description }

    /// `tierscan workspace judgements import FILE JUDGEMENTS.csv [--period P]`.
    struct ImportFile: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record every judgement of a judgements file (one transaction; nothing when the file has an error).")
      @Argument(help: "The workspace file.") var file: String
      @Argument(help: "A judgements CSV (left, right, decision, reviewer, decided_on, reason).") var judgements: String
      @Option(help: "The first period they apply to (default: the newest period).") var period: String?

      func run() throws {
        let result = try WorkspaceCommand.run { () throws(WorkspaceError) in
          try Workspace.open(at: file).importJudgements(file: judgements, period: period)
        }
        Output.printFindings(result.findings)
        if result.findings.contains(where: { $0.severity == .error }) {
          Output.printError("error: \(judgements) has errors; no judgement recorded")
          throw ExitCode(ExitStatus.inputErrors)
        }
        print(
          "judgements from \(judgements): \(result.recorded.count) recorded for period \(result.period)"
            + ", \(result.alreadyRecorded.count) already in force")
        for side in result.staleSides {
          print("note: \(side) is not in period \(result.period); reading that period reports the judgement as stale")
        }
      }
    }

    /// `tierscan workspace judgements export FILE [--period P] [--out F]`.
    struct Export: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Write the judgements in force for a period as a judgements file (stdout without --out).")
      @Argument(help: "The workspace file.") var file: String
      @Option(help: "The period (default: the newest period).") var period: String?
      @Option(help: "Write the file here (replaced atomically) instead of stdout.") var out: String?

      func run() throws {
        let export = try WorkspaceCommand.run { () throws(WorkspaceError) in
          try Workspace.open(at: file).exportJudgements(period: period)
        }
        guard let out else {
          Output.writeStandardOutput(export.bytes)
          return
        }
        do {
          try Data(export.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
          Output.printError("error: \(out): cannot write the judgements file: \(error.localizedDescription)")
          throw ExitCode(ExitStatus.usage)
        }
        print("wrote \(export.count) judgement(s) in force for period \(export.period) to \(out)")
      }
    }

    /// `tierscan workspace judgements list FILE`.
    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "List every recorded judgement, replaced ones included, in the order recorded.")
      @Argument(help: "The workspace file.") var file: String

      func run() throws {
        let all = try WorkspaceCommand.run { () throws(WorkspaceError) in try Workspace.open(at: file).judgements() }
        for stored in all { print(Judgements.line(stored)) }
        print("\(all.count) judgement(s)")
      }
    }
  }
}

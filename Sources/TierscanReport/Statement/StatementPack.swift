import Foundation
import TierscanCore
import TierscanIngest
import TierscanRisk

/// The statement pack (model §4): `statement.json`, `statement.md`, `statement.html`, plus the scan
/// outputs with `graph.json`, so a later `--previous` or `diff` can compare against it.
public enum StatementPack {
  /// Every file the pack writes.
  public static let fileNames = (ScanOutputWriter.fileNames + ["statement.html", "statement.json", "statement.md"] + questionnaireFileNames)
    .sorted { $0.utf8Precedes($1) }
  /// The S-211 questionnaire answer sheet, written when `ca` is among the regimes.
  public static let questionnaireFileNames = ["questionnaire.csv", "questionnaire.json"]

  /// The files a pack for `regimes` writes (never a what-if's diffs).
  public static func fileNames(for regimes: StatementRegimes) -> [String] {
    fileNames.filter { name in
      !WhatIf.diffFileNames.contains(name) && name != "report.html"
        && (regimes.regimes.contains(.ca) || !questionnaireFileNames.contains(name))
    }
  }

  /// The pack's files and the document, in memory (pure and byte-deterministic).
  ///
  /// - Parameters:
  ///   - previous: the previous year's output directory (scan or statement), read with ``ScanSnapshot``.
  ///   - questionnaireVersion: the S-211 questionnaire version answered (with `ca`).
  /// - Throws: ``DiffError`` when `previous` cannot be read; ``StatementError`` for an unknown
  ///   questionnaire version.
  public static func build(
    prepared: ScanPipeline.Prepared, analysis: RiskAnalysis, manifest: ScanManifest, year: Int,
    regimes: StatementRegimes, previous: String? = nil, questionnaireVersion: String = S211Questionnaire.defaultVersion
  ) throws(StatementError) -> (document: StatementDocument, files: [(name: String, bytes: [UInt8])]) {
    var output: PreviousOutput?
    if let previous {
      do {
        output = try PreviousOutput(directory: previous)
      } catch {
        throw .previous(error)
      }
    }
    return try build(
      prepared: prepared, analysis: analysis, manifest: manifest, year: year, regimes: regimes, previousOutput: output,
      questionnaireVersion: questionnaireVersion)
  }

  /// The pack's files and the document, comparing with a previous output held in memory (a
  /// workspace period's pack, or a directory's files).
  ///
  /// - Throws: ``StatementError/previous(_:)`` when the previous output cannot be parsed;
  ///   ``StatementError`` for an unknown questionnaire version.
  public static func build(
    prepared: ScanPipeline.Prepared, analysis: RiskAnalysis, manifest: ScanManifest, year: Int,
    regimes: StatementRegimes, previousOutput: PreviousOutput?,
    questionnaireVersion: String = S211Questionnaire.defaultVersion
  ) throws(StatementError) -> (document: StatementDocument, files: [(name: String, bytes: [UInt8])]) {
    let previous = previousOutput?.label
    let findings = prepared.findings + analysis.allFindings
    // attribution.csv and statement.html show the same attribution: computed once.
    let attribution = ExposureAttribution(analysis: analysis)
    let scanFiles = ScanOutputWriter.files(
      analysis: analysis, findings: prepared.findings, manifest: manifest, options: .init(withGraph: true),
      attribution: attribution)
    let figures = StatementFigures(inputs: prepared.inputs, analysis: analysis, findings: findings)
    var change: ScanDiff?
    if let previousOutput {
      let old: ScanSnapshot
      var current: ScanSnapshot
      do {
        old = try ScanSnapshot(files: previousOutput.files, directory: previousOutput.label)
        current = try ScanSnapshot(files: scanFiles, directory: "statement output")
      } catch {
        throw .previous(error)
      }
      current.smelters = figures.cmrt.smelters.map { ScanSnapshot.SmelterRow(id: $0.id, name: $0.name, status: $0.status) }
      change = ScanDiff(old: old, new: current)
    }
    var document = StatementDocument(
      year: year, regimes: regimes, figures: figures, change: change, previousLabel: previous, manifest: manifest,
      isComplete: !findings.contains { $0.severity == .error }, entityCount: analysis.graph.entityCount,
      relationshipCount: analysis.graph.relationshipCount)
    if let previousOutput {
      document.previousKPIs = AuditKPIs.previous(statementJSON: previousOutput.files.first { $0.name == "statement.json" }?.bytes)
    }
    var files = scanFiles
    files.append(("statement.json", Array(StatementJSON.render(document).utf8)))
    files.append(("statement.md", Array(StatementMarkdown.render(document).utf8)))
    files.append(("statement.html", Array(StatementHTML.render(document, analysis: analysis, attribution: attribution).utf8)))
    if regimes.regimes.contains(.ca) {
      guard let sheet = S211AnswerSheet(version: questionnaireVersion, document: document, analysis: analysis) else {
        throw .unknownQuestionnaireVersion(questionnaireVersion)
      }
      files.append(("questionnaire.json", Array(sheet.json().utf8)))
      files.append(("questionnaire.csv", Array(sheet.csv().utf8)))
    }
    return (document, files.sorted { $0.name.utf8Precedes($1.name) })
  }

  /// Writes `files` into `directory` atomically (temporary sibling, then rename), replacing an
  /// earlier pack there.
  ///
  /// - Parameters:
  ///   - inputs: the inputs as given: the directory may not be one of them, contain one, or lie inside one.
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(_ files: [(name: String, bytes: [UInt8])], to directory: URL, inputs: [URL]) throws(ScanOutputError) {
    try AtomicDirectory.write(files, to: directory, inputs: inputs, ownedNames: Set(fileNames))
  }
}

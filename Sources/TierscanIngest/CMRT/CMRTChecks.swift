import TierscanCore

/// Template checks that span a workbook (model §2.8): required declaration fields, Q1 answers
/// against smelter rows, and duplicate smelter rows. All are warnings: the data is kept.
enum CMRTChecks {
  /// Required 6.x company fields: D8, D9, D10 (scope C), D15, D16, D18, D20, D22; an effective
  /// date that is not a date; Q1 unanswered for a metal.
  static func declaration(_ workbook: CMRTWorkbook, findings: inout FindingLog) {
    let declaration = workbook.declaration
    var required: [(String, String, String?)] = [
      ("D8", "company name", declaration.companyName),
      ("D9", "declaration scope", declaration.scope),
    ]
    if declaration.scopeLetter == "C" {
      required.append(("D10", "description of scope (scope C)", declaration.scopeDescription))
    }
    required += [
      ("D15", "contact name", declaration.contactName),
      ("D16", "contact e-mail", declaration.contactEmail),
      ("D18", "authorizer", declaration.authorizerName),
      ("D20", "authorizer e-mail", declaration.authorizerEmail),
      ("D22", "effective date", declaration.effectiveDateRaw),
    ]
    for (cell, label, value) in required where value == nil {
      findings.add(.warning, .cmrtMissingField, at: at(workbook, cell), "required field \(label) (\(cell)) is blank")
    }
    if let raw = declaration.effectiveDateRaw, declaration.effectiveDate == nil {
      findings.add(
        .warning, .cmrtInvalidDate, at: at(workbook, "D22"), "effective date '\(raw)' is not a recognisable date",
        evidence: [Attribute("raw", raw)])
    }
    for (offset, answers) in workbook.metalAnswers.enumerated() where answers.answer(1) == nil {
      let cell = "D\(CMRTDeclarationReader.questionRows[0] + offset)"
      findings.add(
        .warning, .cmrtMissingAnswer, at: at(workbook, cell), "question 1 for \(answers.metal.rawValue) is unanswered")
    }
  }

  /// Q1 = Yes with no smelter rows for the metal, and smelter rows for a metal whose Q1 = No.
  static func questionOne(_ workbook: CMRTWorkbook, findings: inout FindingLog) {
    for (offset, answers) in workbook.metalAnswers.enumerated() {
      let metal = answers.metal.rawValue
      let rows = workbook.smelters(for: metal)
      let cell = "D\(CMRTDeclarationReader.questionRows[0] + offset)"
      switch answers.isUsed {
      case true? where rows.isEmpty:
        findings.add(
          .warning, .cmrtUsedMetalWithoutSmelters, at: at(workbook, cell),
          "\(metal) is declared used (question 1 = Yes) but the Smelter List has no \(metal) rows")
      case false? where !rows.isEmpty:
        findings.add(
          .warning, .cmrtSmeltersForUnusedMetal, at: rows[0].provenance,
          "\(rows.count) Smelter List row(s) for \(metal), which question 1 declares not used (No)",
          evidence: [Attribute("rows", rows.map { String($0.row) }.joined(separator: ";"))])
      default: break
      }
    }
  }

  /// Rows repeating an earlier row's smelter (CID, else graph id) and metal.
  static func duplicates(_ workbook: CMRTWorkbook, findings: inout FindingLog) {
    var firstRow: [String: Int] = [:]
    for row in workbook.smelters {
      guard let id = row.cid ?? row.entityID else { continue }
      let key = id + "\u{0}" + (row.metal ?? "")
      if let first = firstRow[key] {
        findings.add(
          .warning, .duplicateSmelterRow, at: row.provenance,
          "smelter \(id) (\(row.metal ?? "no metal")) repeats row \(first); kept as separate evidence",
          evidence: [Attribute("first_row", String(first))])
      } else {
        firstRow[key] = row.row
      }
    }
  }

  /// B values that are not a metal of the template (CMRT: the four 3TG metals).
  static func metals(_ workbook: CMRTWorkbook, findings: inout FindingLog) {
    guard workbook.kind == .cmrt else { return }
    for row in workbook.smelters {
      if let label = row.metalLabel, CMRTMetal(label: label) == nil {
        findings.add(.warning, .cmrtUnknownMetal, at: row.provenance, "metal '\(label)' is not a 3TG metal")
      } else if row.metalLabel == nil {
        findings.add(.warning, .cmrtUnknownMetal, at: row.provenance, "smelter row without a metal (B)")
      }
    }
  }

  private static func at(_ workbook: CMRTWorkbook, _ cell: String) -> Provenance {
    Provenance(file: workbook.file, line: CellAddress(cell)?.row, sheet: "Declaration", cell: cell)
  }
}

import TierscanCore

/// Reads the `Declaration` sheet (company fields, questions 1–8 per metal, company questions
/// A–H) and the `Product List` by cell address, never by label text (labels are translated).
enum CMRTDeclarationReader {
  /// Rows of the first metal (tantalum) of questions 1…8 in 6.x; each block has four rows.
  static let questionRows = [26, 32, 38, 44, 50, 56, 62, 68]
  /// Rows of company questions A…H in 6.x (answers in D, comments in G).
  static let companyQuestionRows = [75, 77, 79, 81, 83, 85, 87, 89]

  /// The 6.x company fields D8–D22.
  static func declaration(_ sheet: Worksheet, uses1904: Bool) -> CMRTDeclaration {
    var result = CMRTDeclaration()
    let text = { (row: Int) in CMRTCellText.text(sheet[row: row, column: 4]) }
    result.companyName = text(8)
    result.scope = text(9)
    result.scopeDescription = text(10)
    result.companyUniqueID = text(12)
    result.companyUniqueIDAuthority = text(13)
    result.address = text(14)
    result.contactName = text(15)
    result.contactEmail = text(16)
    result.contactPhone = text(17)
    result.authorizerName = text(18)
    result.authorizerTitle = text(19)
    result.authorizerEmail = text(20)
    result.authorizerPhone = text(21)
    if let date = sheet[row: 22, column: 4], CMRTCellText.text(date) != nil {
      result.effectiveDateRaw = CMRTCellText.raw(date)
      result.effectiveDate = CMRTDateParser.isoDate(date, uses1904: uses1904)
    }
    return result
  }

  /// Questions 1–8 for each metal (6.x).
  static func metalAnswers(_ sheet: Worksheet) -> [CMRTMetalAnswers] {
    CMRTMetal.allCases.enumerated().map { offset, metal in
      let answers = questionRows.enumerated().map { question, firstRow -> String? in
        let cell = sheet[row: firstRow + offset, column: 4]
        // Q6 "100%" is the number 1 in 6.01–6.22 (a percentage-formatted cell).
        if question == 5, case .number(let value, _) = cell, value == 1 { return "100%" }
        return CMRTCellText.text(cell)
      }
      return CMRTMetalAnswers(metal: metal, answers: answers)
    }
  }

  /// Company questions A–H (6.x).
  static func companyAnswers(_ sheet: Worksheet) -> [CMRTCompanyAnswer] {
    zip(["A", "B", "C", "D", "E", "F", "G", "H"], companyQuestionRows).map { letter, row in
      CMRTCompanyAnswer(
        question: letter, answer: CMRTCellText.text(sheet[row: row, column: 4]),
        comment: CMRTCellText.text(sheet[row: row, column: 7]))
    }
  }

  /// Product List rows from row 6 (B number, C name, D comments); blank rows and the template's
  /// `©` copyright line are skipped.
  static func products(_ sheet: Worksheet, file: String) -> [CMRTProduct] {
    var result: [CMRTProduct] = []
    for row in sheet.rowsWithCells(from: 6) {
      let number = CMRTCellText.text(sheet[row: row, column: 2])
      let name = CMRTCellText.text(sheet[row: row, column: 3])
      let comments = CMRTCellText.text(sheet[row: row, column: 4])
      if number == nil && name == nil && comments == nil { continue }
      // The template's copyright line sits in column B below the data area.
      if name == nil, comments == nil, number?.hasPrefix("\u{00A9}") == true { continue }
      let provenance = Provenance(file: file, line: row, sheet: sheet.name, cell: "B\(row)")
      result.append(CMRTProduct(number: number, name: name, comments: comments, provenance: provenance))
    }
    return result
  }
}

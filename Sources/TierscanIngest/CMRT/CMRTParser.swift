import Foundation
import TierscanCore

/// Reads an opened workbook package as an RMI template: identifies the template and version,
/// reads the sheets the layout needs, runs the template checks and emits graph records.
struct CMRTParser {
  let file: String
  let normalizer = NameNormalizer()

  /// Parses `package` into `result` (workbook, records, findings, file summary).
  func parse(_ package: WorkbookPackage, into result: inout IngestedInputs) throws(XLSXError) {
    let fileAt = Provenance(file: file)
    guard package.hasSheet("Declaration") else {
      result.findings.add(
        .error, .missingSheet, at: fileAt, "no Declaration sheet: not an RMI reporting template (CMRT/EMRT)")
      result.files.append(InputFileSummary(path: file, kind: .unrecognised))
      return
    }
    let sheets = try package.readSheets([
      .init(name: "Revision", columns: [2], maxRow: 3),
      .init(name: "Declaration", columns: [4, 7, 10], maxRow: 100),
      .init(name: "Smelter List", columns: CMRTSmelterListReader.sheetColumns),
      .init(name: "Product List", columns: [2, 3, 4]),
    ])
    let declaration = sheets["Declaration"] ?? Worksheet(name: "Declaration")
    guard let template = identify(sheets, at: fileAt, findings: &result.findings) else {
      result.files.append(InputFileSummary(path: file, kind: .unrecognised))
      return
    }
    let kind: InputKind = template.family == .emrt ? .emrt : .cmrt
    var workbook = CMRTWorkbook(
      file: file, template: template.family.rawValue, version: template.version, companyName: nil, companyID: "",
      kind: kind)
    switch template.layout {
    case .cmrt6:
      workbook.declaration = CMRTDeclarationReader.declaration(declaration, uses1904: package.usesDate1904)
      workbook.metalAnswers = CMRTDeclarationReader.metalAnswers(declaration)
      workbook.companyAnswers = CMRTDeclarationReader.companyAnswers(declaration)
    case .emrt:
      workbook.declaration.companyName = CMRTCellText.text(declaration[row: 8, column: 4])
      workbook.declaration.scope = CMRTCellText.text(declaration[row: 9, column: 4])
      result.findings.add(
        .info, .emrtPartial, at: fileAt,
        "EMRT \(template.version): company name, scope, Smelter List and Product List read; questions are not")
    case .cmrt2, .cmrt3to5:
      workbook.isOutdated = true
      workbook.declaration.companyName = CMRTCellText.text(declaration[row: 8, column: 4])
      result.findings.add(
        .warning, .outdatedTemplate, at: Provenance(file: file, line: 3, sheet: "Declaration", cell: "J3"),
        "CMRT \(template.version) is outdated (current: 6.x); only the company name and Smelter List are read")
    }
    if template.layout == .cmrt6 || template.layout == .emrt, let products = sheets["Product List"] {
      workbook.products = CMRTDeclarationReader.products(products, file: file)
    }
    workbook.companyName = workbook.declaration.companyName
    let mapper = CMRTGraphMapper(normalizer: normalizer)
    workbook.companyID = mapper.companyID(name: workbook.companyName, file: file)
    if workbook.companyName == nil {
      result.findings.add(
        .warning, .cmrtBlankCompany, at: Provenance(file: file, line: 8, sheet: "Declaration", cell: "D8"),
        "declaring company name (D8) is blank; the company is named after the file: \(workbook.companyID)")
    }
    if let list = sheets["Smelter List"] {
      readSmelters(list, template: template, into: &workbook, findings: &result.findings)
    } else {
      result.findings.add(.error, .missingSheet, at: fileAt, "no Smelter List sheet: smelter rows cannot be read")
    }
    if template.layout == .cmrt6 { CMRTChecks.declaration(workbook, findings: &result.findings) }
    CMRTChecks.questionOne(workbook, findings: &result.findings)
    CMRTChecks.metals(workbook, findings: &result.findings)
    CMRTChecks.duplicates(workbook, findings: &result.findings)
    let identifiers = mapper.identifiers(
      workbook.declaration, at: Provenance(file: file, line: 12, sheet: "Declaration", cell: "D12"),
      findings: &result.findings)
    mapper.records(for: workbook, identifiers: identifiers, into: &result)
    let rows = workbook.smelters.count
    result.files.append(
      InputFileSummary(path: file, kind: kind, recordsRead: rows + 1, recordsAccepted: rows + 1, recordsRejected: 0))
    result.workbooks.append(workbook)
  }

  private func readSmelters(
    _ sheet: Worksheet, template: CMRTTemplate, into workbook: inout CMRTWorkbook, findings: inout FindingLog
  ) {
    let columns = CMRTSmelterListReader.columns(for: template.layout)
    let reader = CMRTSmelterListReader(columns: columns, file: file)
    let resolver = CMRTSmelterResolver(normalizer: normalizer, usesCountryCodeColumn: columns.countryCode != nil)
    workbook.smelters = reader.rows(of: sheet).map { row in
      var row = row
      resolver.resolve(&row, findings: &findings)
      return row
    }
  }

  /// Identifies family, version and layout; reports an error and returns `nil` when unsupported.
  private func identify(_ sheets: [String: Worksheet], at: Provenance, findings: inout FindingLog) -> CMRTTemplate? {
    let title = CMRTCellText.text(sheets["Revision"]?["B3"])
    let declarationTitle = CMRTCellText.text(sheets["Declaration"]?["D2"])
    let family = title.flatMap(CMRTTemplate.family(inTitle:)) ?? declarationTitle.flatMap(CMRTTemplate.family(inTitle:))
    if family == nil {
      for text in [title, declarationTitle].compactMap({ $0 }) where CMRTTemplate.isOtherTemplate(text) {
        findings.add(.error, .unsupportedWorkbook, at: at, "'\(text)' is not a CMRT or EMRT; it is not read")
        return nil
      }
    }
    let j3 = CMRTCellText.text(sheets["Declaration"]?["J3"])
    let candidates = [j3, CMRTCellText.text(sheets["Smelter List"]?["Q3"]), CMRTCellText.text(sheets["Smelter List"]?["O3"])]
    let version = candidates.compactMap { $0.flatMap(CMRTTemplate.version(in:)) }.first
    let j3At = Provenance(file: file, line: 3, sheet: "Declaration", cell: "J3")
    guard let version else {
      findings.add(
        .error, .unknownTemplateVersion, at: j3At,
        "no template revision in Declaration!J3 (found '\(j3 ?? "")'): the workbook is not read",
        evidence: j3.map { [Attribute("J3", $0)] } ?? [])
      return nil
    }
    let resolvedFamily = family ?? .cmrt
    guard let layout = CMRTTemplate.layout(family: resolvedFamily, version: version) else {
      findings.add(
        .error, .unknownTemplateVersion, at: j3At,
        "\(resolvedFamily.rawValue) revision \(version) is not supported: the workbook is not read")
      return nil
    }
    return CMRTTemplate(family: resolvedFamily, version: version, layout: layout)
  }
}

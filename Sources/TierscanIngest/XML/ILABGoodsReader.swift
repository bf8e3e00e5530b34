import TierscanCore

/// Reads the US DOL ILAB *List of Goods Produced by Child Labor or Forced Labor* XML
/// (model §2.9; root `Goods`, `Good` → `Good_Name`, `Countries/Country` → `Country_Name`,
/// `Child_Labor`, `Forced_Labor`, `Forced_Child_Labor`).
///
/// Each `Country` row with a `Yes` flag is one record and yields a ``CountryRiskEntry`` per
/// category: `child_labour` when `Child_Labor` or `Forced_Child_Labor` is `Yes`, `forced_labour`
/// when `Forced_Labor` or `Forced_Child_Labor` is `Yes` (forced child labour is both). Entries
/// carry score 0.7 (the default of config `ilab_scores`) and `source` = `ILAB <year>`
/// (``sourcePrefix``); the risk engine re-scores entries whose source starts with it from
/// `ilab_scores[category]`. Rows whose country or good cannot be mapped are warnings and are
/// not used (counted as rejected), and so are rows that flag only `Derived_Labor_Exploitation`
/// (`ilab-derived-only`: the list does not say whether the input's labour was child or forced).
/// Rows with no `Yes` at all say the good is not listed there and are not records.
/// Provenance is the `Country` element's line.
struct ILABGoodsReader {
  /// Every ILAB entry's `source` starts with this.
  static let sourcePrefix = "ILAB"
  /// The score given to every entry before the risk engine applies `ilab_scores`.
  static let defaultScore = 0.7

  private struct Row {
    var line: Int
    var fields: [String: String] = [:]
  }

  let path: String
  let source: String
  let mapping: ILABGoodsMapping
  private var stack: [String] = []
  private var text = ""
  private var goodName: String?
  private var goodLine = 0
  private var rows: [Row] = []
  private var summary: InputFileSummary
  private var findings: [Finding] = []
  private var entries: [CountryRiskEntry] = []

  init(path: String, source: String, mapping: ILABGoodsMapping = .shipped) {
    self.path = path
    self.source = source
    self.mapping = mapping
    summary = InputFileSummary(path: path, kind: .ilabGoods)
  }

  /// `ILAB <year>` when the file name holds a year (`goods_2021.xml`), else `ILAB`.
  static func sourceName(for path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let bytes = Array(name.utf8)
    var index = 0
    while index + 4 <= bytes.count {
      let window = bytes[index..<index + 4]
      let isDigits = window.allSatisfy { $0 >= 48 && $0 <= 57 }
      let before = index == 0 || !(bytes[index - 1] >= 48 && bytes[index - 1] <= 57)
      let after = index + 4 == bytes.count || !(bytes[index + 4] >= 48 && bytes[index + 4] <= 57)
      if isDigits && before && after, let year = Int(String(decoding: window, as: UTF8.self)), (1990...2099).contains(year) {
        return "\(sourcePrefix) \(year)"
      }
      index += 1
    }
    return sourcePrefix
  }

  /// Reads the rest of the document after `root`.
  mutating func read(root: XMLStartElement, from reader: XMLStreamReader, into result: inout IngestedInputs) {
    stack = [root.localName]
    while let event = reader.next() {
      switch event {
      case .problem(let problem): findings.append(problem.finding(in: path))
      case .start(let element):
        text = ""
        if element.localName == "Good" && stack.count == 1 {
          goodName = nil
          goodLine = element.line
          rows = []
        } else if element.localName == "Country" && stack.last == "Countries" && stack.count == 3 {
          rows.append(Row(line: element.line))
        }
        if !element.isEmpty { stack.append(element.localName) }
      case .text(let value):
        text += value
      case .end(let name):
        _ = stack.popLast()
        let value = DisclosureValues.trimmed(text)
        text = ""
        if name == "Good" && stack.count == 1 {
          finishGood()
        } else if name == "Good_Name" && stack.count == 2 && stack.last == "Good" {
          goodName = value
        } else if stack.count == 4 && stack.last == "Country", !rows.isEmpty {
          rows[rows.count - 1].fields[name] = value
        }
      }
    }
    if reader.endedEarly {
      // Not well-formed: nothing from this file is used, whatever libxml2 read ahead.
      summary.recordsRead += rows.filter { !categories(of: $0).isEmpty || isDerivedOnly($0) }.count
      summary.recordsAccepted = 0
      summary.recordsRejected = summary.recordsRead
      entries.removeAll()
      if summary.recordsRead > 0 {
        let count = summary.recordsRead
        findings.append(Finding(
          .error, .xmlFileNotRead, at: Provenance(file: path),
          "the file is not well-formed XML; none of the \(count) row\(count == 1 ? "" : "s") read before the error are used"))
      }
    }
    result.countryRisk.append(contentsOf: entries)
    result.findings.append(contentsOf: findings)
    result.files.append(summary)
  }

  private func categories(of row: Row) -> [String] {
    func isYes(_ field: String) -> Bool { row.fields[field]?.lowercased() == "yes" }
    let forcedChild = isYes("Forced_Child_Labor")
    var result: [String] = []
    if isYes("Child_Labor") || forcedChild { result.append("child_labour") }
    if isYes("Forced_Labor") || forcedChild { result.append("forced_labour") }
    return result
  }

  /// Whether a row flags only `Derived_Labor_Exploitation` (a good produced with inputs made by
  /// child or forced labour, the list not saying which): a record, reported, not scored.
  private func isDerivedOnly(_ row: Row) -> Bool {
    categories(of: row).isEmpty && row.fields["Derived_Labor_Exploitation"]?.lowercased() == "yes"
  }

  private mutating func finishGood() {
    let flagged = rows.map { ($0, categories(of: $0)) }.filter { !$0.1.isEmpty }
    let derivedOnly = rows.filter(isDerivedOnly)
    summary.recordsRead += flagged.count + derivedOnly.count
    summary.recordsRejected += derivedOnly.count
    for row in derivedOnly {
      findings.append(Finding(
        .warning, .ilabDerivedOnly, at: Provenance(file: path, line: row.line),
        "good '\(goodName ?? "")' (\(row.fields["Country_Name"] ?? "")) is listed only as produced with inputs made by "
          + "child or forced labour (Derived_Labor_Exploitation); the list does not say which, so no country-commodity "
          + "row is made: the inputs' own rows apply where the chain names them"))
    }
    guard !flagged.isEmpty else { return }
    guard let goodName, !goodName.isEmpty else {
      summary.recordsRejected += flagged.count
      findings.append(Finding(
        .warning, .ilabMissingGoodName, at: Provenance(file: path, line: goodLine),
        "<Good> has no <Good_Name>; its \(flagged.count) flagged row(s) are not used"))
      return
    }
    guard let commodity = mapping.commodity(for: goodName) else {
      summary.recordsRejected += flagged.count
      findings.append(Finding(
        .warning, .ilabUnmappedGood, at: Provenance(file: path, line: goodLine),
        "good '\(goodName)' has no commodity in the ILAB goods mapping; its \(flagged.count) flagged row(s) are not used"))
      return
    }
    for (row, categories) in flagged {
      let name = row.fields["Country_Name"] ?? ""
      guard let country = mapping.countryCode(for: name) else {
        summary.recordsRejected += 1
        findings.append(Finding(
          .warning, .ilabUnmappedCountry, at: Provenance(file: path, line: row.line),
          "country '\(name)' (good '\(goodName)') matches no ISO 3166-1 region name or alias; row not used"))
        continue
      }
      summary.recordsAccepted += 1
      for category in categories {
        entries.append(CountryRiskEntry(
          country: country, category: category, score: Self.defaultScore, commodity: commodity, source: source,
          provenance: Provenance(file: path, line: row.line), isFromILABList: true))
      }
    }
  }
}

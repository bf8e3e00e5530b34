/// A CSV header: lower-cased, trimmed column names and the kind of file they announce (model §2).
public struct CSVHeader: Sendable {
  /// Column names, lower-cased and trimmed, in column order.
  public let names: [String]
  private let indexByName: [String: Int]
  /// Names that occur more than once, in column order of their second occurrence (empty names
  /// are not names: a spreadsheet export's trailing empty cells never count).
  public let duplicates: [String]
  /// Columns whose header cell is empty; their values are ignored.
  public let unnamedColumns: [Int]

  /// Reads a header record's fields.
  public init(fields: [String]) {
    names = fields.map { $0.trimmingASCIIWhitespace().lowercased() }
    var index: [String: Int] = [:]
    var duplicates: [String] = []
    var unnamed: [Int] = []
    for (column, name) in names.enumerated() {
      if name.isEmpty {
        unnamed.append(column)
      } else if index[name] == nil {
        index[name] = column
      } else if !duplicates.contains(name) {
        duplicates.append(name)
      }
    }
    indexByName = index
    self.duplicates = duplicates
    unnamedColumns = unnamed
  }

  /// The column holding `name` (lower-case), if any.
  ///
  /// Headers have a handful of columns, so a scan of the (mostly small, inline) names is cheaper
  /// per row than hashing `name`; it finds the same (first) column as the index.
  public func column(_ name: String) -> Int? {
    if names.count > 16 { return indexByName[name] }
    return names.firstIndex(of: name)
  }

  /// Whether every name is a column.
  public func contains(_ required: [String]) -> Bool { required.allSatisfy { indexByName[$0] != nil } }

  /// The CSV kind: audit findings, assessments, then the first row of model §2's table whose
  /// columns the header contains, or `nil`.
  public var kind: InputKind? {
    // Audit kinds first: their id columns are specific, and an assessment export carries a
    // `supplier_id` that must not be read as a supplier list.
    if contains(["finding_id", "assessment_id"]) { return .auditFindings }
    if contains(["assessment_id", "supplier_id", "scheme"]) { return .assessments }
    if contains(["from", "to", "type"]) { return .relationships }
    if contains(["buyer_id", "supplier_id"]) { return .supplierList }
    if contains(["list", "name", "category"]) { return .riskList }
    if contains(["left", "right", "decision"]) { return .judgements }
    if contains(["cid", "status"]), column("id") == nil { return .smelterReference }
    if contains(["country", "category", "score"]) { return .countryRisk }
    if contains(["id", "name"]) { return .entities }
    return nil
  }

  /// The CSV kinds in recognition order with the columns each requires (as ``kind`` checks them).
  public static let requiredColumns: [(kind: InputKind, columns: [String])] = [
    (.auditFindings, ["finding_id", "assessment_id"]), (.assessments, ["assessment_id", "supplier_id", "scheme"]),
    (.relationships, ["from", "to", "type"]), (.supplierList, ["buyer_id", "supplier_id"]),
    (.riskList, ["list", "name", "category"]), (.judgements, ["left", "right", "decision"]),
    (.smelterReference, ["cid", "status"]),
    (.countryRisk, ["country", "category", "score"]), (.entities, ["id", "name"]),
  ]

  /// Why the header matches no kind: each kind's required columns and which of them the file
  /// has, and how to read the file anyway.
  public var unrecognisedExplanation: String {
    let kinds = Self.requiredColumns.map { kind, columns in
      let present = columns.filter { column($0) != nil }
      let has = present.isEmpty ? "none" : present.joined(separator: ", ")
      return "\(kind.rawValue) needs \(columns.joined(separator: ", ")) (has \(has))"
    }
    return "header (\(names.joined(separator: ","))) matches no CSV kind: " + kinds.joined(separator: "; ")
      + ". Name the columns with --mapping FILE or a shipped --profile (os-hub, omts-supplier-list, smelter-list; "
      + "docs/mappings.md); file not read"
  }
}

extension String {
  /// `self` without leading and trailing ASCII spaces, tabs, CRs and LFs.
  func trimmingASCIIWhitespace() -> String {
    let utf8 = self.utf8
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
    while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    return String(self[start..<end])
  }
}

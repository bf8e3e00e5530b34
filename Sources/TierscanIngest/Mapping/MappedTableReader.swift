import Foundation
import TierscanCore

/// Reads a table (CSV records or XLSX rows) through a ``ColumnMapping`` into records of the
/// mapping's kind (docs/mappings.md): every row is turned into a row of the kind's own fields and
/// read by the same row parser as a native file, so every value check, country resolution and
/// finding is the same. Unmapped source columns are kept as attributes.
///
/// Rows are read one at a time (``Session``): nothing of a row is kept after it is parsed but its
/// records, so a mapped file costs its records, not a copy of every source row. A mapping with a
/// `parent` field needs every row's id and name before the first parent can be resolved: the
/// caller then offers every row to ``Session/noteParent(_:)`` first (a second pass over the
/// source, keeping only ids and names).
///
/// Accounting: each source row is one record read; it is accepted when every row it yields (one
/// per part of a split field) is accepted.
struct MappedTableReader {
  let mapping: ColumnMapping
  let displayPath: String

  /// One source row.
  struct SourceRow {
    var at: Provenance
    var fields: [String]
  }

  /// Reads `rows` under `header` (the source header cells as written).
  ///
  /// - Parameter cell: the text of a cell of the same sheet (`cell:B1` constants); CSV has none.
  func read(header: [String], rows: [SourceRow], headerAt: Provenance, cell: (String) -> String? = { _ in nil })
    -> IngestedInputs
  {
    var session = start(header: header, headerAt: headerAt, cell: cell)
    if session.needsParents {
      for row in rows { session.noteParent(row) }
    }
    for row in rows { session.read(row) }
    return session.finish()
  }

  /// Starts reading rows under `header`: resolves the constants (a missing `--profile-param` is
  /// one error, and every row is then counted as rejected) and reports the mapping applied.
  func start(header: [String], headerAt: Provenance, cell: (String) -> String? = { _ in nil }) -> Session {
    var session = Session(reader: self, header: header)
    for constant in mapping.constants {
      switch resolve(constant.value, cell: cell) {
      case .success(let value): session.constants[constant.field] = value
      case .failure(let error):
        session.result.findings.add(.error, .missingProfileParam, at: headerAt, error.message + "; file not read")
        session.isUnusable = true
        return session
      }
    }
    if !mapping.name.isEmpty {
      session.result.findings.add(
        .info, .mappingApplied, at: headerAt,
        "read as \(mapping.kind.rawValue) through mapping '\(mapping.name)'"
          + (mapping.columns.isEmpty ? "" : ": " + describeColumns(session.names)))
    }
    return session
  }

  /// The state of one table being read row by row.
  struct Session {
    let reader: MappedTableReader
    var mapping: ColumnMapping { reader.mapping }
    /// The source header's names, lower-cased and trimmed.
    let names: [String]
    /// Target field → source column, in the mapping's column order (the first mapping of a field wins).
    private let sourceColumns: [(field: String, column: Int?)]
    /// The target fields, then the extra source columns kept under their own names.
    private let fields: [String]
    private let extras: [Int]
    private let target: CSVHeader
    private let extraColumns: [Int]
    private let valueMaps: [String: [String: String]]
    var constants: [String: String] = [:]
    /// Whether the constants could not be resolved (every row is then rejected).
    var isUnusable = false
    var result = IngestedInputs()
    private var summary: InputFileSummary
    private var unmapped: [String: Set<String>] = [:]
    /// Supplier ids, and folded names → ids, for parents by id or name.
    private var parentIDs: [String: String] = [:]
    private var countries = CountryValues()
    private var firstLine: [String: Provenance] = [:]

    init(reader: MappedTableReader, header: [String]) {
      self.reader = reader
      let mapping = reader.mapping
      summary = InputFileSummary(path: reader.displayPath, kind: mapping.kind)
      let names = header.map(ColumnMapping.normalizedColumn)
      self.names = names
      var seen: Set<String> = []
      sourceColumns = mapping.columns.compactMap { column in
        guard seen.insert(column.field).inserted else { return nil }
        return (column.field, column.sources.lazy.compactMap { MappedTableReader.index(of: $0, in: names) }.first)
      }
      let usedSources = Set(sourceColumns.compactMap(\.column))
      let fields = mapping.targetFields
      self.fields = fields
      extras = names.indices.filter { !usedSources.contains($0) && !names[$0].isEmpty && !fields.contains(names[$0]) }
      target = CSVHeader(fields: fields + extras.map { names[$0] })
      // Target fields the kind does not read (e.g. `tier`, `parent_supplier`) and unmapped source
      // columns are kept as attributes.
      let known = CSVRowDispatch.knownColumns(of: mapping.kind)
      let target = target
      extraColumns = target.names.indices.filter { !known.contains(target.names[$0]) }
      valueMaps = Dictionary(mapping.values.map { ($0.field, $0.entries) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether rows must be offered to ``noteParent(_:)`` before they are read.
    var needsParents: Bool { mapping.parent != nil && !isUnusable }

    /// Adds a finding of the source (a broken record, control characters) in row order.
    mutating func add(_ finding: Finding) { result.findings.add(finding) }

    /// Counts a source record the caller could not turn into a row (a broken or ragged record).
    mutating func reject() {
      summary.recordsRead += 1
      summary.recordsRejected += 1
    }

    /// First pass of a mapping with parents: notes the row's supplier id and name.
    mutating func noteParent(_ row: SourceRow) {
      var quiet = FindingLog()
      var ignored: [String: Set<String>] = [:]
      let values = self.values(of: row, findings: &quiet, unmapped: &ignored)
      if let id = values["supplier_id"] {
        parentIDs[id] = parentIDs[id] ?? id
        if let name = values["supplier_name"] {
          let folded = MappedTableReader.fold(name)
          parentIDs[folded] = parentIDs[folded] ?? id
        }
      }
    }

    /// Reads one row.
    mutating func read(_ row: SourceRow) {
      summary.recordsRead += 1
      guard !isUnusable else {
        summary.recordsRejected += 1
        return
      }
      var values = self.values(of: row, findings: &result.findings, unmapped: &unmapped)
      if let parent = mapping.parent, let value = values[parent] {
        values["buyer_id"] = parentIDs[value] ?? parentIDs[MappedTableReader.fold(value)] ?? value
      }
      if let derived = mapping.derivedID, let key = values[derived.field] {
        if let first = firstLine[key] {
          result.findings.add(
            .warning, .duplicateRow, at: row.at,
            "\(derived.field) '\(key)' already read at \(first.description); both rows are kept as evidence")
        } else {
          firstLine[key] = row.at
        }
      }
      var accepted = true
      for parts in reader.expand(values) {
        let targetFields = fields.map { parts[$0] ?? "" } + extras.map { $0 < row.fields.count ? row.fields[$0] : "" }
        var csvRow = CSVRow(header: target, fields: targetFields, at: row.at, extraColumns: extraColumns)
        if !CSVRowDispatch.parse(&csvRow, kind: mapping.kind, into: &result) { accepted = false }
        for resolved in csvRow.resolvedCountries {
          if let finding = countries.noteResolved(resolved.raw, to: resolved.code, field: resolved.field, at: row.at) {
            result.findings.add(finding)
          }
        }
        result.findings.append(contentsOf: csvRow.findings)
      }
      if accepted { summary.recordsAccepted += 1 } else { summary.recordsRejected += 1 }
    }

    /// The result: every row's records and findings, the file's summary and declared tiers'
    /// disclosers.
    mutating func finish() -> IngestedInputs {
      DeclaredTierDisclosers.resolve(&result)
      result.files.append(summary)
      let finished = result
      result = IngestedInputs()
      return finished
    }

    /// A row's target values: mapped through value maps, split parts de-duplicated, id derived.
    private func values(of row: SourceRow, findings: inout FindingLog, unmapped: inout [String: Set<String>])
      -> [String: String]
    {
      var values = constants
      for (field, column) in sourceColumns {
        guard let column, column < row.fields.count else { continue }
        let raw = row.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        if raw.isEmpty { continue }
        let map = valueMaps[field]
        if let separator = mapping.split[field] {
          var parts: [String] = []
          for part in raw.components(separatedBy: separator) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let value =
              map.map { reader.mapValue(trimmed, $0, field: field, at: row.at, unmapped: &unmapped, findings: &findings) }
              ?? trimmed
            if let value, !value.isEmpty, !parts.contains(value) { parts.append(value) }
          }
          if !parts.isEmpty { values[field] = parts.joined(separator: separator) }
        } else if let map {
          if let value = reader.mapValue(raw, map, field: field, at: row.at, unmapped: &unmapped, findings: &findings) {
            values[field] = value
          }
        } else {
          values[field] = raw
        }
      }
      if let derive = mapping.derivedID, (values[derive.field] ?? "").isEmpty {
        values[derive.field] = reader.derivedID(derive, values)
      }
      return values
    }
  }

  /// The rows of `values`, one per part of each split field (parts already mapped).
  func expand(_ values: [String: String]) -> [[String: String]] {
    var rows = [values]
    for (field, separator) in mapping.split.sorted(by: { $0.key < $1.key }) {
      guard let raw = values[field] else { continue }
      let parts = raw.components(separatedBy: separator)
      rows = rows.flatMap { row in
        parts.map { part in
          var copy = row
          copy[field] = part
          return copy
        }
      }
    }
    return rows
  }

  /// A value through a value map; unlisted values without a `*` default are kept, reported once
  /// per distinct value.
  func mapValue(
    _ raw: String, _ map: [String: String], field: String, at: Provenance, unmapped: inout [String: Set<String>],
    findings: inout FindingLog
  ) -> String? {
    if map[raw.lowercased()] == nil, map["*"] == nil, unmapped[field, default: []].insert(raw).inserted {
      findings.add(
        .warning, .unmappedValue, at: at,
        "\(field) '\(raw)' is not in the mapping's value map; kept as written (first occurrence in this file)")
    }
    return Self.lookup(raw, map)
  }

  /// `raw` through `map`: the listed value, else the `*` default (`=` keeps, empty drops), else `raw`.
  static func lookup(_ raw: String, _ map: [String: String]) -> String? {
    if let value = map[raw.lowercased()] { return value.isEmpty ? nil : value }
    if let fallback = map["*"] { return fallback == "=" ? raw : (fallback.isEmpty ? nil : fallback) }
    return raw
  }

  /// A constant's value: `{param}` from `--profile-param`, `cell:B1` from the sheet, else itself.
  private func resolve(_ value: String, cell: (String) -> String?) -> Result<String, MessageError> {
    if value.hasPrefix("{"), value.hasSuffix("}") {
      let name = String(value.dropFirst().dropLast())
      if let given = mapping.parameterValues[name] { return .success(given) }
      let help = mapping.parameters.first { $0.name == name }?.help ?? ""
      return .failure(
        MessageError(
          "mapping '\(mapping.name)' needs --profile-param \(name)=VALUE" + (help.isEmpty ? "" : " (\(help))")))
    }
    if value.hasPrefix("cell:") {
      let reference = String(value.dropFirst(5))
      if let override = mapping.parameterValues[reference] { return .success(override) }
      return .success(cell(reference) ?? "")
    }
    return .success(value)
  }

  /// The column of a source: a header name, or `#N` (1-based position) for unnamed columns.
  static func index(of source: String, in names: [String]) -> Int? {
    if source.hasPrefix("#"), let position = Int(source.dropFirst()), position >= 1 {
      return position <= names.count ? position - 1 : nil
    }
    return names.firstIndex(of: source)
  }

  /// `source→field` pairs the header actually has.
  private func describeColumns(_ names: [String]) -> String {
    mapping.columns.compactMap { column in
      column.sources.first(where: { Self.index(of: $0, in: names) != nil }).map { "\($0)→\(column.field)" }
    }.joined(separator: ", ")
  }

  /// The derived id: prefix + the first 16 hex digits of SHA-256 over the folded key fields
  /// (countries resolved to their code), joined by U+001F.
  func derivedID(_ derive: ColumnMapping.DerivedID, _ values: [String: String]) -> String {
    let key = derive.from.map { field -> String in
      let raw = values[field] ?? ""
      if field.contains("country") { return CountryResolver.code(for: raw) ?? Self.fold(raw) }
      return Self.fold(raw)
    }.joined(separator: "\u{1F}")
    return derive.prefix + String(SHA256.hexDigest(of: Array(key.utf8)).prefix(16))
  }

  /// Case and accents folded, every run of characters other than letters and digits one space.
  static func fold(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: " ")
  }
}

/// A message carried as an error.
struct MessageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

import Foundation
import TierscanCore

/// Reads a table (CSV records or XLSX rows) through a ``ColumnMapping`` into records of the
/// mapping's kind (docs/mappings.md): every row is turned into a row of the kind's own fields and
/// read by the same row parser as a native file, so every value check, country resolution and
/// finding is the same. Unmapped source columns are kept as attributes.
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
    var result = IngestedInputs()
    var summary = InputFileSummary(path: displayPath, kind: mapping.kind)
    summary.recordsRead = rows.count
    let names = header.map(ColumnMapping.normalizedColumn)
    // Constants, with parameters and cells filled in.
    var constants: [String: String] = [:]
    for constant in mapping.constants {
      switch resolve(constant.value, cell: cell) {
      case .success(let value): constants[constant.field] = value
      case .failure(let error):
        result.findings.add(.error, .missingProfileParam, at: headerAt, error.message + "; file not read")
        summary.recordsRejected = rows.count
        result.files.append(summary)
        return result
      }
    }
    if !mapping.name.isEmpty {
      result.findings.add(
        .info, .mappingApplied, at: headerAt,
        "read as \(mapping.kind.rawValue) through mapping '\(mapping.name)'"
          + (mapping.columns.isEmpty ? "" : ": " + describeColumns(names)))
    }
    let sourceColumn = Dictionary(
      mapping.columns.map { column in (column.field, column.sources.lazy.compactMap { Self.index(of: $0, in: names) }.first) },
      uniquingKeysWith: { first, _ in first })
    let usedSources = Set(sourceColumn.values.compactMap { $0 })
    let fields = mapping.targetFields
    let extras = names.indices.filter { !usedSources.contains($0) && !names[$0].isEmpty && !fields.contains(names[$0]) }
    let target = CSVHeader(fields: fields + extras.map { names[$0] })
    // Target fields the kind does not read (e.g. `tier`, `parent_supplier`) and unmapped source
    // columns are kept as attributes.
    let known = CSVRowDispatch.knownColumns(of: mapping.kind)
    let extraColumns = target.names.indices.filter { !known.contains(target.names[$0]) }
    let valueMaps = Dictionary(mapping.values.map { ($0.field, $0.entries) }, uniquingKeysWith: { first, _ in first })

    // First pass: each row's target values, ids derived.
    var unmapped: [String: Set<String>] = [:]
    var mapped: [(row: SourceRow, values: [String: String])] = []
    for row in rows {
      var values = constants
      for (field, column) in sourceColumn {
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
              map.map { mapValue(trimmed, $0, field: field, at: row.at, unmapped: &unmapped, findings: &result.findings) }
              ?? trimmed
            if let value, !value.isEmpty, !parts.contains(value) { parts.append(value) }
          }
          if !parts.isEmpty { values[field] = parts.joined(separator: separator) }
        } else if let map {
          if let value = mapValue(raw, map, field: field, at: row.at, unmapped: &unmapped, findings: &result.findings) {
            values[field] = value
          }
        } else {
          values[field] = raw
        }
      }
      if let derive = mapping.derivedID, (values[derive.field] ?? "").isEmpty {
        values[derive.field] = derivedID(derive, values)
      }
      mapped.append((row, values))
    }
    // Parents by id or by name (supplier lists).
    var parentIDs: [String: String] = [:]
    if let parent = mapping.parent {
      for (_, values) in mapped {
        if let id = values["supplier_id"] {
          parentIDs[id] = parentIDs[id] ?? id
          if let name = values["supplier_name"] { parentIDs[Self.fold(name)] = parentIDs[Self.fold(name)] ?? id }
        }
      }
      for index in mapped.indices {
        guard let value = mapped[index].values[parent] else { continue }
        let id = parentIDs[value] ?? parentIDs[Self.fold(value)] ?? value
        mapped[index].values["buyer_id"] = id
      }
    }
    // Second pass: parse.
    var countries = CountryValues()
    var firstLine: [String: Provenance] = [:]
    for (row, values) in mapped {
      if let key = mapping.derivedID.flatMap({ values[$0.field] }) {
        if let first = firstLine[key] {
          result.findings.add(
            .warning, .duplicateRow, at: row.at,
            "\(mapping.derivedID!.field) '\(key)' already read at \(first.description); both rows are kept as evidence")
        } else {
          firstLine[key] = row.at
        }
      }
      var accepted = true
      for parts in expand(values) {
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
    DeclaredTierDisclosers.resolve(&result)
    result.files.append(summary)
    return result
  }

  /// The rows of `values`, one per part of each split field (parts already mapped).
  private func expand(_ values: [String: String]) -> [[String: String]] {
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
  private func mapValue(
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

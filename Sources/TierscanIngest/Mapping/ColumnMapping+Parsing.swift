import Foundation
import TierscanCore

/// A mapping file that cannot be used: `file:line: message`.
public struct MappingError: Error, Equatable, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int
  public var message: String
  public var description: String { "\(file):\(line): error: mapping: \(message)" }
}

extension ColumnMapping {
  /// Reads a mapping file (docs/mappings.md).
  ///
  /// - Throws: ``MappingError`` naming the file and the line of the offending key.
  public static func load(path: String) throws(MappingError) -> ColumnMapping {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MappingError(file: path, line: 1, message: "cannot read the mapping file")
    }
    return try parse(Array(data), name: path)
  }

  /// Parses mapping JSON; `name` is shown in errors and provenance.
  public static func parse(_ bytes: [UInt8], name: String) throws(MappingError) -> ColumnMapping {
    let text = String(decoding: bytes, as: UTF8.self)
    func fail(_ key: String?, _ message: String) -> MappingError {
      MappingError(file: name, line: key.map { line(of: "\"\($0)\"", in: text) } ?? 1, message: message)
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse(bytes: bytes)
    } catch {
      throw MappingError(file: name, line: error.line, message: "not valid JSON: \(error.message)")
    }
    guard let object = json.objectValue else { throw fail(nil, "the mapping must be a JSON object") }
    let known: Set<String> = [
      "about", "sources", "kind", "header_row", "sheet", "match", "columns", "constants", "values", "split", "derive_id",
      "parent", "params",
    ]
    for (key, _) in object where !known.contains(key) {
      throw fail(key, "unknown key '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
    }
    guard let kindName = json["kind"]?.stringValue else { throw fail("kind", "'kind' is required (e.g. \"supplier-list\")") }
    let tableKinds: [InputKind] = [
      .entities, .relationships, .supplierList, .riskList, .countryRisk, .smelterReference, .assessments, .auditFindings,
    ]
    guard let kind = InputKind(rawValue: kindName), tableKinds.contains(kind) else {
      throw fail("kind", "kind '\(kindName)' is not one of \(tableKinds.map(\.rawValue).joined(separator: ", "))")
    }
    var mapping = ColumnMapping(name: name, kind: kind, match: [])
    if let row = json["header_row"] {
      guard let number = row.numberValue, number >= 1, number == number.rounded(), number <= 1_000_000 else {
        throw fail("header_row", "'header_row' must be a positive integer")
      }
      mapping.headerRow = Int(number)
    }
    if let sheet = json["sheet"] {
      guard let name = sheet.stringValue else { throw fail("sheet", "'sheet' must be a string") }
      mapping.sheet = name
    }
    let fields = Self.fields(of: kind)
    func field(_ key: String, in section: String) throws(MappingError) -> String {
      let field = key.lowercased()
      guard fields.contains(field) else {
        throw fail(
          key,
          "\(section): '\(key)' is not a field of \(kind.rawValue) (fields: \(fields.sorted().joined(separator: ", "))); "
            + "a source column the mapping does not name is kept as an attribute under its own name")
      }
      return field
    }
    for (key, value) in json["columns"]?.objectValue ?? [] {
      let sources: [String]
      if let one = value.stringValue {
        sources = [one]
      } else if let many = value.arrayValue?.compactMap(\.stringValue), !many.isEmpty {
        sources = many
      } else {
        throw fail(key, "columns: '\(key)' must name a source column or a list of them")
      }
      mapping.columns.append(Column(field: try field(key, in: "columns"), sources: sources.map(normalizedColumn)))
    }
    for (key, value) in json["constants"]?.objectValue ?? [] {
      guard let text = value.stringValue else { throw fail(key, "constants: '\(key)' must be a string") }
      mapping.constants.append(Constant(field: try field(key, in: "constants"), value: text))
    }
    for (key, value) in json["values"]?.objectValue ?? [] {
      guard let pairs = value.objectValue else { throw fail(key, "values: '\(key)' must be an object of value → value") }
      var entries: [String: String] = [:]
      for (from, to) in pairs {
        guard let mapped = to.stringValue else { throw fail(from, "values: '\(from)' must map to a string") }
        entries[from.trimmingCharacters(in: .whitespaces).lowercased()] = mapped
      }
      mapping.values.append(ValueMap(field: try field(key, in: "values"), entries: entries))
    }
    for (key, value) in json["split"]?.objectValue ?? [] {
      guard let separator = value.stringValue, !separator.isEmpty else {
        throw fail(key, "split: '\(key)' must be a non-empty separator")
      }
      mapping.split[try field(key, in: "split")] = separator
    }
    if let derive = json["derive_id"] {
      guard let target = derive["field"]?.stringValue, let from = derive["from"]?.arrayValue?.compactMap(\.stringValue),
        !from.isEmpty
      else {
        throw fail("derive_id", "'derive_id' needs 'field' and a non-empty 'from' list")
      }
      var sourceFields: [String] = []
      for name in from { sourceFields.append(try field(name, in: "derive_id")) }
      mapping.derivedID = DerivedID(
        field: try field(target, in: "derive_id"), prefix: derive["prefix"]?.stringValue ?? "", from: sourceFields)
    }
    if let parent = json["parent"] {
      guard kind == .supplierList, let name = parent.stringValue else {
        throw fail("parent", "'parent' (a column naming the parent supplier) applies to supplier-list mappings only")
      }
      mapping.parent = name.lowercased()
      if !mapping.columns.contains(where: { $0.field == name.lowercased() }) {
        throw fail("parent", "'parent' names '\(name)', which 'columns' does not map")
      }
    }
    for (key, value) in json["params"]?.objectValue ?? [] {
      mapping.parameters.append(
        Parameter(
          name: key, isRequired: value["required"]?.boolValue ?? false, help: value["help"]?.stringValue ?? ""))
    }
    if let match = json["match"] {
      var entries: [[String]] = []
      for entry in match.arrayValue ?? [] {
        if let one = entry.stringValue {
          entries.append([normalizedColumn(one)])
        } else if let many = entry.arrayValue?.compactMap(\.stringValue), !many.isEmpty {
          entries.append(many.map(normalizedColumn))
        } else {
          throw fail("match", "'match' entries are column names or lists of alternative names")
        }
      }
      guard !entries.isEmpty else { throw fail("match", "'match' must name at least one source column") }
      mapping.match = entries
    } else {
      // Default: every mapped column (any of its named sources).
      mapping.match = mapping.columns.map { $0.sources.filter { !$0.hasPrefix("#") } }.filter { !$0.isEmpty }
    }
    return mapping
  }

  /// The fields a kind reads (model §2), plus mapping-only fields kept as attributes: a supplier
  /// list's `parent_supplier`, `spend`, `tier`; an entity's `address` (the attribute entity
  /// resolution compares, so a source column of another name can be mapped onto it).
  static func fields(of kind: InputKind) -> Set<String> {
    switch kind {
    case .entities: EntityRowParser.columns.union(["address"])
    case .relationships: RelationshipRowParser.columns
    case .supplierList: SupplierListRowParser.columns.union(["parent_supplier", "spend", "tier"])
    case .riskList: RiskListRowParser.columns
    case .countryRisk: CountryRiskRowParser.columns
    case .smelterReference: SmelterReferenceRowParser.columns
    case .assessments: AssessmentRowParser.columns
    case .auditFindings: AuditFindingRowParser.columns
    default: []
    }
  }

  static func normalizedColumn(_ name: String) -> String { name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }

  /// The 1-based line of the first occurrence of `needle` in `text`, or 1.
  static func line(of needle: String, in text: String) -> Int {
    guard let range = text.range(of: needle) else { return 1 }
    return text[..<range.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
  }
}

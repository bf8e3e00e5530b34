import TierscanCore

/// A column mapping (docs/mappings.md): how to read a table whose header is not one of the model
/// §2 kinds — which kind it is, which source column is which field, constants, value maps,
/// splitting, derived ids and the header row. Shipped profiles are mappings too.
public struct ColumnMapping: Sendable, Hashable {
  /// One target field read from the first of its source columns that the header has.
  public struct Column: Sendable, Hashable {
    public var field: String
    /// Source column names, lower-cased and trimmed, most preferred first.
    public var sources: [String]
  }

  /// A target field with the same value on every row: text, `{param}` (a `--profile-param`),
  /// or `cell:B1` (an XLSX cell of the same sheet).
  public struct Constant: Sendable, Hashable {
    public var field: String
    public var value: String
  }

  /// A value map for one target field: source value (compared case-insensitively, trimmed) →
  /// value. `*` is the default for unlisted values: `=` keeps the value, empty drops it.
  public struct ValueMap: Sendable, Hashable {
    public var field: String
    public var entries: [String: String]
  }

  /// An id derived for rows whose id field is empty (docs/mappings.md: `derive_id`).
  public struct DerivedID: Sendable, Hashable {
    public var field: String
    public var prefix: String
    /// Target fields whose values make the key; a `*country*` field is resolved to its code.
    public var from: [String]
  }

  /// A value the caller gives with `--profile-param KEY=VALUE`.
  public struct Parameter: Sendable, Hashable {
    public var name: String
    public var isRequired: Bool
    public var help: String
  }

  /// The profile name or the mapping file's path.
  public var name: String
  /// The kind every mapped row is read as.
  public var kind: InputKind
  /// 1-based row (CSV record or XLSX row) holding the header.
  public var headerRow: Int = 1
  /// XLSX: the sheet to read (default: every sheet whose header row matches).
  public var sheet: String?
  /// What the header must have for the mapping to apply to a file: for each entry, one of its
  /// source columns (lower-case).
  public var match: [[String]]
  public var columns: [Column] = []
  public var constants: [Constant] = []
  public var values: [ValueMap] = []
  /// Target field → separator: the row is read once per part.
  public var split: [String: String] = [:]
  public var derivedID: DerivedID?
  /// Supplier lists: the target field naming a row's parent supplier (by id or by name); the
  /// row's edge then goes to the parent instead of the buyer.
  public var parent: String?
  public var parameters: [Parameter] = []
  /// `--profile-param` values.
  public var parameterValues: [String: String] = [:]

  /// Whether the mapping applies to a header (lower-cased, trimmed names).
  public func applies(to header: [String]) -> Bool {
    match.allSatisfy { names in names.contains(where: header.contains) }
  }

  /// The 1-based column positions the mapping picks by `#N`.
  var columnPositions: Set<Int> {
    Set(columns.flatMap(\.sources).compactMap { source in
      guard source.hasPrefix("#"), let position = Int(source.dropFirst()), position >= 1 else { return nil }
      return position
    })
  }

  /// The highest `#N` column position any column names (0 when none does): a header row is as
  /// wide as its last cell or this, whichever is more.
  var highestColumnPosition: Int { columnPositions.max() ?? 0 }

  /// The target fields, in the order mapped rows carry them.
  var targetFields: [String] {
    var fields: [String] = []
    for field in columns.map(\.field) + constants.map(\.field) + [derivedID?.field, parent].compactMap({ $0 })
    where !fields.contains(field) {
      fields.append(field)
    }
    return fields
  }
}

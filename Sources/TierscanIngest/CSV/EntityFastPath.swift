import TierscanCore

/// A byte-level parser for the plain rows of an entities CSV (model §2.1): it writes the row
/// straight from the mapped bytes into the columns of an ``EntityRecordTable``, with no field
/// array, no ``CSVRow``, no ``EntityRecord`` and no intermediate strings for its id, name,
/// sector and aliases.
///
/// A row is plain when ``EntityRowParser`` would accept it without any finding and the reader
/// would read it unchanged: one physical line ending in LF (or CR LF), no byte below 0x20 (so no
/// tab, no lone CR) and no DEL, valid UTF-8, the header's field count, no longer than the field
/// and record limits; each field either unquoted without a quote, or quoted from its first byte
/// to a closing quote directly before the next comma or the line end, without a quote inside;
/// a non-empty `id` not starting with `=`, `+`, `-` or `@` and a non-empty `name`; a `kind`
/// spelled in lower case exactly as its raw value; a `country` that is an assigned code as
/// given; `lei`, `duns` and `cid` values that pass their checks; ASCII `commodities`,
/// `aliases` and `raw_material` (`true/false/yes/no/1/0` in any case). For any other row
/// ``append(_:from:to:line:into:codes:)`` returns `false`: the caller reads it through the general reader and
/// ``EntityRowParser``, which gives the exact findings.
struct EntityFastPath: Sendable {
  /// What a column is: one the parser reads, an extra one (kept as an attribute) or an unnamed one.
  private enum Role {
    case column(EntityColumn), extra, ignored
  }

  private let roles: [Role]
  /// Header names, for the attributes of extra columns.
  private let names: [String]
  private let maxLine: Int
  private let displayPath: String

  /// The fast path for an entities header, or `nil` when the header has duplicate names.
  init?(header: CSVHeader, limits: IngestLimits, displayPath: String) {
    guard header.duplicates.isEmpty, header.names.count <= 64 else { return nil }
    roles = header.names.map { name in
      name.isEmpty ? .ignored : EntityColumn(rawValue: name).map(Role.column) ?? .extra
    }
    names = header.names
    maxLine = min(limits.maxFieldBytes, limits.maxRecordBytes)
    self.displayPath = displayPath
  }

  /// Appends the record of the row `p[start..<end]` (one physical line without its line end)
  /// starting on `line` to `table`, straight into its columns; returns `false` (and appends
  /// nothing) when the row is not plain.
  ///
  /// `codes` holds what this file's rows already resolved for `table`: its file code, the codes
  /// of the commodity lists met (most entities name one of a few dozen lists) and the countries.
  func append(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int, into table: inout EntityRecordTable,
    codes: inout RowCodes
  ) -> Bool {
    record(p, from: start, to: end, line: line, into: &table, codes: &codes) != nil
  }

  private func record(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int, into table: inout EntityRecordTable,
    codes: inout RowCodes
  ) -> Void? {
    guard end - start <= maxLine else { return nil }
    var fields = Fields()
    var extras: [(column: Int, field: Field)] = []
    var highBytes = false
    var k = start
    var column = 0
    let columns = roles.count
    while true {
      guard column < columns else { return nil }
      var s = k
      var e: Int
      if k < end, p[k] == 0x22 {
        k += 1
        s = k
        while k < end, p[k] != 0x22 {
          let b = p[k]
          if b < 0x20 || b == 0x7F { return nil }
          if b >= 0x80 { highBytes = true }
          k += 1
        }
        guard k < end else { return nil }
        e = k
        k += 1
        guard k == end || p[k] == 0x2C else { return nil }
      } else {
        guard let fieldEnd = PlainField.unquotedEnd(p, from: k, to: end, highBytes: &highBytes) else { return nil }
        k = fieldEnd
        e = k
      }
      let trimmed = PlainField.trimmed(p, s, e)
      let field = Field(start: trimmed.0, end: trimmed.1)
      switch roles[column] {
      case .column(.id): fields.id = field
      case .column(.name): fields.name = field
      case .column(.kind): fields.kind = field
      case .column(.country): fields.country = field
      case .column(.sector): fields.sector = field
      case .column(.commodities): fields.commodities = field
      case .column(.lei): fields.lei = field
      case .column(.duns): fields.duns = field
      case .column(.vat): fields.vat = field
      case .column(.cid): fields.cid = field
      case .column(.aliases): fields.aliases = field
      case .column(.rawMaterial): fields.rawMaterial = field
      case .extra: if !field.isEmpty { extras.append((column, field)) }
      case .ignored: break
      }
      column += 1
      if k >= end { break }
      k += 1  // the comma
    }
    guard column == columns else { return nil }
    if highBytes, !isValidUTF8(UnsafeBufferPointer(rebasing: p[start..<end])) { return nil }
    return append(p, fields, extras: extras, line: line, into: &table, codes: &codes)
  }

  /// Appends the record of a row split into fields, or returns `nil` (appending nothing) when a
  /// value would draw a finding.
  private func append(
    _ p: UnsafeBufferPointer<UInt8>, _ fields: Fields, extras: [(column: Int, field: Field)], line: Int,
    into table: inout EntityRecordTable, codes: inout RowCodes
  ) -> Void? {
    guard !fields.id.isEmpty, PlainField.isPlainID(p, fields.id.bounds), !fields.name.isEmpty else { return nil }
    var kind: EntityKind?
    if !fields.kind.isEmpty {
      guard let value = Self.kind(p, fields.kind) else { return nil }
      kind = value
    }
    var country: String?
    if !fields.country.isEmpty {
      guard let code = codes.country(p, fields.country.bounds) else { return nil }
      country = code
    }
    var identifiers = Identifiers()
    if let lei = fields.lei.string(p) {
      guard IdentifierCheck.isValidLEI(lei) else { return nil }
      identifiers.lei = lei
    }
    if let raw = fields.duns.string(p) {
      let duns = IdentifierCheck.canonicalDUNS(raw)
      guard IdentifierCheck.isValidDUNS(duns) else { return nil }
      identifiers.duns = duns
    }
    identifiers.vat = fields.vat.string(p)
    if let cid = fields.cid.string(p) {
      guard IdentifierCheck.isValidCID(cid) else { return nil }
      identifiers.cid = cid
    }
    var rawMaterial: Bool?
    if !fields.rawMaterial.isEmpty {
      guard let value = Self.boolean(p, fields.rawMaterial) else { return nil }
      rawMaterial = value
    }
    guard
      let commodityList = codes.list(p, fields.commodities.bounds, table: &table, build: {
        Self.list(p, fields.commodities, lowercased: true)
      }),
      Self.isASCII(p, fields.aliases)
    else { return nil }
    let attributes = extras.map { Attribute(names[$0.column], $0.field.string(p) ?? "") }
    let file = codes.file(displayPath, table: &table)
    table.appendParsed(
      id: fields.id.bytes(p), name: fields.name.bytes(p), kind: kind, country: country, sector: fields.sector.bytes(p),
      commodityList: commodityList, identifiers: identifiers,
      aliases: { body in Self.forEachItem(p, fields.aliases, body) }, rawMaterial: rawMaterial,
      attributes: attributes, file: file, line: line)
    return ()
  }

  /// What a file's rows resolved for one record table: its code of the file, the codes of the
  /// commodity lists met, by the bytes of the field they came from (equal fields share one code
  /// and one array), and the reading of each country value met. At most ``capacity`` distinct
  /// fields of each are kept (a file of all-different values then costs no more than without).
  struct RowCodes {
    static let capacity = 4_096
    private var fileCode: UInt32?
    private var listKeys = ByteInterner()
    private var listCodes: [UInt32] = []
    private var countryKeys = ByteInterner()
    /// The code of each country value met, or `nil` when the value draws a finding.
    private var countryCodes: [String?] = []

    init() {}

    /// The table's code of the file `name` (every row of a reader has the same).
    mutating func file(_ name: String, table: inout EntityRecordTable) -> UInt32 {
      if let fileCode { return fileCode }
      let code = table.fileCode(of: name)
      fileCode = code
      return code
    }

    /// The table's code of the list of the field `p[bounds.0..<bounds.1]`: the one found for an
    /// equal field before, or that of `build()`'s list; `nil` when `build()` gives none.
    mutating func list(
      _ p: UnsafeBufferPointer<UInt8>, _ bounds: (Int, Int), table: inout EntityRecordTable, build: () -> [String]?
    ) -> UInt32? {
      guard bounds.0 < bounds.1 else { return 0 }
      let key = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[bounds.0..<bounds.1])
      if let index = listKeys.index(of: key) { return listCodes[Int(index)] }
      guard let list = build() else { return nil }
      let code = table.commodityListCode(of: list)
      if listCodes.count < Self.capacity {
        _ = listKeys.intern(key)
        listCodes.append(code)
      }
      return code
    }

    /// The assigned code the country field `p[bounds.0..<bounds.1]` gives as it is, or `nil`
    /// when the value draws a finding (not assigned, or `UK`).
    mutating func country(_ p: UnsafeBufferPointer<UInt8>, _ bounds: (Int, Int)) -> String? {
      let key = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[bounds.0..<bounds.1])
      if let index = countryKeys.index(of: key) { return countryCodes[Int(index)] }
      let raw = String(decoding: UnsafeBufferPointer(rebasing: p[bounds.0..<bounds.1]), as: UTF8.self)
      var code: String?
      if case .valid(let valid) = CountryCode.read(raw) { code = valid }
      if countryCodes.count < Self.capacity {
        _ = countryKeys.intern(key)
        countryCodes.append(code)
      }
      return code
    }
  }

  /// A field's trimmed byte range in the line.
  private struct Field {
    var start = 0
    var end = 0

    var isEmpty: Bool { start >= end }

    /// The range as a `(start, end)` pair, for ``PlainField``.
    var bounds: (Int, Int) { (start, end) }

    /// The value (already checked to be valid UTF-8), or `nil` when empty.
    /// The bytes (empty when the field is).
    func bytes(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: p[start..<max(start, end)])
    }

    func string(_ p: UnsafeBufferPointer<UInt8>) -> String? {
      isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
    }
  }

  /// The fields the parser reads (absent columns stay empty).
  private struct Fields {
    var id = Field()
    var name = Field()
    var kind = Field()
    var country = Field()
    var sector = Field()
    var commodities = Field()
    var lei = Field()
    var duns = Field()
    var vat = Field()
    var cid = Field()
    var aliases = Field()
    var rawMaterial = Field()
  }

  /// Whether the field equals `word` (lower-case ASCII) ignoring ASCII case.
  private static func equalsIgnoringCase(
    _ p: UnsafeBufferPointer<UInt8>, _ field: Field, _ word: StaticString
  ) -> Bool {
    guard field.end - field.start == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<word.utf8CodeUnitCount {
      let b = p[field.start + i]
      if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != w[i] { return false }
    }
    return true
  }

  private static func kind(_ p: UnsafeBufferPointer<UInt8>, _ field: Field) -> EntityKind? {
    if PlainField.equals(p, field.bounds, "company") { return .company }
    if PlainField.equals(p, field.bounds, "facility") { return .facility }
    if PlainField.equals(p, field.bounds, "smelter") { return .smelter }
    if PlainField.equals(p, field.bounds, "mine") { return .mine }
    return nil
  }

  private static func boolean(_ p: UnsafeBufferPointer<UInt8>, _ field: Field) -> Bool? {
    for word: StaticString in ["true", "yes"] where equalsIgnoringCase(p, field, word) { return true }
    for word: StaticString in ["false", "no"] where equalsIgnoringCase(p, field, word) { return false }
    if PlainField.equals(p, field.bounds, "1") { return true }
    if PlainField.equals(p, field.bounds, "0") { return false }
    return nil
  }

  /// Whether the field has no byte above 0x7F.
  private static func isASCII(_ p: UnsafeBufferPointer<UInt8>, _ field: Field) -> Bool {
    var k = field.start
    while k < field.end {
      if p[k] >= 0x80 { return false }
      k += 1
    }
    return true
  }

  /// Calls `body` with each item of a `;`-separated ASCII list (checked with ``isASCII(_:_:)``),
  /// items trimmed of spaces, empty items dropped: the items ``list(_:_:lowercased:)`` gives,
  /// without building them.
  private static func forEachItem(
    _ p: UnsafeBufferPointer<UInt8>, _ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard !field.isEmpty else { return }
    var s = field.start
    while s <= field.end {
      var e = s
      while e < field.end, p[e] != UInt8(ascii: ";") { e += 1 }
      let (a, b) = PlainField.trimmed(p, s, e)
      if a < b { body(UnsafeBufferPointer(rebasing: p[a..<b])) }
      s = e + 1
    }
  }

  /// A `;`-separated ASCII list, items trimmed of spaces, empty items dropped, optionally
  /// lower-cased; `nil` when the field has a non-ASCII byte (the general parser splits by
  /// characters, which may join a `;` with what follows).
  private static func list(_ p: UnsafeBufferPointer<UInt8>, _ field: Field, lowercased: Bool) -> [String]? {
    guard !field.isEmpty else { return [] }
    var items: [String] = []
    var s = field.start
    while s <= field.end {
      var e = s
      while e < field.end, p[e] != UInt8(ascii: ";") {
        guard p[e] < 0x80 else { return nil }
        e += 1
      }
      let (a, b) = PlainField.trimmed(p, s, e)
      if a < b {
        let item = UnsafeBufferPointer(rebasing: p[a..<b])
        if lowercased, item.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
          items.append(String(unsafeUninitializedCapacity: item.count) { buffer in
            for i in item.indices { buffer[i] = item[i] >= 0x41 && item[i] <= 0x5A ? item[i] | 0x20 : item[i] }
            return item.count
          })
        } else {
          items.append(String(decoding: item, as: UTF8.self))
        }
      }
      s = e + 1
    }
    return items
  }
}

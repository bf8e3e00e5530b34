import TierscanCore

/// Reads `Smelter List` rows by column position for a template layout (data from row 5).
///
/// 6.x, 3.x–5.x and EMRT: A CID input, B metal, C look-up, D name, E country, F CID, G source
/// of ID, H street, I city, J state, K contact, L e-mail, M next steps, N mines, O mine country,
/// P recycled/scrap, Q comments; hidden R standard name, S ISO country, T state code (6.x, 5.x,
/// EMRT). 2.x: B metal, C look-up, D name, E country, F smelter ID, G street, H city, I state,
/// J contact, K e-mail, L next steps, M mines, N mine country, O comments.
struct CMRTSmelterListReader {
  struct Columns {
    var cidInput: Int?
    var metal = 2, lookup = 3, name = 4, country = 5, smelterID = 6
    var source: Int?
    var street: Int, city: Int, state: Int, contact: Int, email: Int, nextSteps: Int, mines: Int, mineCountry: Int
    var recycled: Int?
    var comments: Int
    var standardName: Int?, countryCode: Int?, stateCode: Int?
  }

  /// Columns the reader asks the sheet parser for: A–T.
  static let sheetColumns = Set(1...20)
  /// First data row.
  static let firstRow = 5

  static func columns(for layout: CMRTTemplate.Layout) -> Columns {
    switch layout {
    case .cmrt2:
      return Columns(
        cidInput: nil, source: nil, street: 7, city: 8, state: 9, contact: 10, email: 11, nextSteps: 12, mines: 13,
        mineCountry: 14, recycled: nil, comments: 15)
    case .cmrt6, .emrt, .cmrt3to5:
      var columns = Columns(
        cidInput: 1, source: 7, street: 8, city: 9, state: 10, contact: 11, email: 12, nextSteps: 13, mines: 14,
        mineCountry: 15, recycled: 16, comments: 17)
      if layout != .cmrt3to5(hasHiddenColumns: false) {
        columns.standardName = 18
        columns.countryCode = 19
        columns.stateCode = 20
      }
      return columns
    }
  }

  let columns: Columns
  let file: String

  /// The non-blank rows of the sheet. A row is non-blank when its CID input, metal, look-up,
  /// name, country or CID column holds a value other than a placeholder.
  func rows(of sheet: Worksheet) -> [CMRTSmelterRow] {
    var result: [CMRTSmelterRow] = []
    let identifying = [columns.cidInput, columns.metal, columns.lookup, columns.name, columns.country, columns.smelterID]
      .compactMap { $0 }
    for row in sheet.rowsWithCells(from: Self.firstRow) {
      let present = identifying.contains { CMRTCellText.optional(sheet[row: row, column: $0]) != nil }
      if present { result.append(read(row: row, of: sheet)) }
    }
    return result
  }

  private func read(row: Int, of sheet: Worksheet) -> CMRTSmelterRow {
    func field(_ column: Int?) -> String? { column.flatMap { CMRTCellText.optional(sheet[row: row, column: $0]) } }
    var result = CMRTSmelterRow(row: row, provenance: Provenance(file: file, line: row, sheet: sheet.name))
    for column in 1...20 {
      if let raw = CMRTCellText.raw(sheet[row: row, column: column]) {
        result.raw.append(Attribute(CellAddress.letters(column), raw))
      }
    }
    result.cidInput = field(columns.cidInput)
    result.metalLabel = field(columns.metal)
    result.metal = result.metalLabel?.lowercased()
    result.lookupName = field(columns.lookup)
    result.name = field(columns.name)
    result.country = field(columns.country)
    result.smelterID = field(columns.smelterID)
    result.sourceOfID = field(columns.source)
    result.street = field(columns.street)
    result.city = field(columns.city)
    result.stateProvince = field(columns.state)
    result.contactName = field(columns.contact)
    result.contactEmail = field(columns.email)
    result.nextSteps = field(columns.nextSteps)
    result.mineNames = field(columns.mines)
    result.mineCountry = field(columns.mineCountry)
    result.recycledOrScrap = field(columns.recycled)
    result.comments = field(columns.comments)
    result.standardName = field(columns.standardName)
    result.countryCode = field(columns.countryCode)
    result.stateProvinceCode = field(columns.stateCode)
    // Provenance points at the CID cell: F, or A when only the input column has the CID.
    let cidColumn: Int
    if let id = result.smelterID, IdentifierCheck.isValidCID(id) {
      cidColumn = columns.smelterID
    } else if let input = result.cidInput, IdentifierCheck.isValidCID(input), let inputColumn = columns.cidInput {
      cidColumn = inputColumn
    } else {
      cidColumn = columns.smelterID
    }
    result.provenance.cell = CellAddress.letters(cidColumn) + String(row)
    return result
  }
}

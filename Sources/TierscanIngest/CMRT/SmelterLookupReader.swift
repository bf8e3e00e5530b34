import TierscanCore

/// Reads a template's `Smelter Look-up` sheet (header row 4, data from row 5: A metal,
/// B look-up name, C standard name, D country, E smelter ID) into known-CID references without
/// status, one per distinct CID and metal (the first row wins; later rows are aliases).
struct SmelterLookupReader {
  static let sheetName = "Smelter Look-up"
  let file: String

  /// Appends the references of `sheet` to `result`; returns (rows with a CID, malformed CIDs).
  func read(_ sheet: Worksheet, into result: inout IngestedInputs) -> (read: Int, rejected: Int) {
    var seen = Set<String>()
    var read = 0
    var rejected = 0
    for row in sheet.rowsWithCells(from: 5) {
      guard let id = CMRTCellText.optional(sheet[row: row, column: 5]) else { continue }
      read += 1
      let at = Provenance(file: file, line: row, sheet: sheet.name, cell: "E\(row)")
      guard IdentifierCheck.isValidCID(id) else {
        rejected += 1
        result.findings.add(.error, .malformedCid, at: at, "look-up smelter id '\(id)' is not a CID; row not used")
        continue
      }
      let metal = CMRTCellText.text(sheet[row: row, column: 1])?.lowercased()
      guard seen.insert(id + "\u{0}" + (metal ?? "")).inserted else { continue }
      let name = CMRTCellText.text(sheet[row: row, column: 3]) ?? CMRTCellText.text(sheet[row: row, column: 2])
      let country = CMRTCellText.text(sheet[row: row, column: 4]).flatMap { CountryResolver.code(for: $0) }
      result.smelterLookup.append(
        SmelterReference(cid: id, status: nil, name: name, metal: metal, country: country, provenance: at))
    }
    return (read, rejected)
  }
}

import TierscanCore

/// Reads smelter-reference rows (model §2.6). A malformed CID rejects the row (the CID is the
/// row's key); a status other than conformant/active/non-conformant counts as `unknown` with a
/// warning. The optional `as_of` (YYYY-MM-DD) dates the status; any other value is dropped with
/// `invalid-date`. Duplicate CIDs are resolved by ``Ingestor`` across all inputs (first wins).
enum SmelterReferenceRowParser {
  static let columns: Set<String> = ["cid", "status", "name", "metal", "country", "as_of"]

  /// The row's reference, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> SmelterReference? {
    var cid = row.required("cid")
    if let raw = cid, !IdentifierCheck.isValidCID(raw) {
      row.reject(.invalidCid, "cid '\(raw)' is not 'CID' followed by 6 digits")
      cid = nil
    }
    let rawStatus = row.required("status")
    var status: SmelterStatus?
    if let rawStatus {
      status = SmelterStatus(reading: rawStatus)
      if status == .unknown, rawStatus.lowercased() != "unknown" {
        row.warn(.unknownSmelterStatus, "status '\(rawStatus)' is not conformant, active or non-conformant; counted as unknown")
      }
    }
    let country = row.country("country")
    let asOf = row.date("as_of")
    guard let cid, let status, !row.isRejected else { return nil }
    return SmelterReference(
      cid: cid, status: status, rawStatus: rawStatus, name: row.value("name"), metal: row.value("metal")?.lowercased(),
      country: country, asOf: asOf, provenance: row.at, attributes: row.attributes() + row.unresolvedCountryAttributes)
  }
}

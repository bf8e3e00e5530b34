import Foundation
import TierscanCore

/// Derives each smelter row's CID, effective name, ISO country and graph id, reporting
/// malformed CIDs, unmapped countries, incomplete `Smelter not listed` rows and unidentified
/// smelters as warnings.
struct CMRTSmelterResolver {
  static let notListed = "smelter not listed"
  static let notIdentified = "smelter not yet identified"

  let normalizer: NameNormalizer
  /// Whether the hidden ISO country column S is trustworthy for this layout.
  let usesCountryCodeColumn: Bool

  /// Fills the derived fields of `row` and appends findings.
  func resolve(_ row: inout CMRTSmelterRow, findings: inout FindingLog) {
    let at = row.provenance
    // CID: F, else A.
    if let id = row.smelterID, !isUnknown(id) {
      if IdentifierCheck.isValidCID(id) {
        row.cid = id
      } else {
        report(id, at: at, findings: &findings)
      }
    }
    if row.cid == nil, let input = row.cidInput, !isUnknown(input) {
      if IdentifierCheck.isValidCID(input) {
        row.cid = input
      } else if row.smelterID == nil {
        var inputAt = at
        inputAt.cell = "A\(row.row)"
        report(input, at: inputAt, findings: &findings)
      }
    }
    // Effective name: D, else R, else C (without the look-up placeholders).
    let lookup = row.lookupName.flatMap { isLookupPlaceholder($0) ? nil : $0 }
    row.effectiveName = row.name ?? row.standardName ?? lookup
    // Country: S when an assigned code, else E resolved by ``CountryResolver`` (model §2). E is a
    // country name by the template's design (RMI's drop-down), so a resolved name is no finding.
    if usesCountryCodeColumn, let code = row.countryCode, case .valid(let valid) = CountryCode.read(code) {
      row.countryISO = valid
    } else if let country = row.country, !isUnknown(country) {
      switch CountryResolver.resolve(country) {
      case .code(let code), .resolved(let code):
        row.countryISO = code
      case .unknown:
        row.unresolvedCountry = country
        findings.add(
          .warning, .unknownCountry, at: at, CountryValues.unknownMessage(country, field: "smelter country"),
          evidence: [Attribute("country", country)])
      }
    }
    if row.lookupName.map({ $0.lowercased() == Self.notListed }) == true, row.name == nil || row.country == nil {
      findings.add(
        .warning, .smelterNotListedIncomplete, at: at,
        "'Smelter not listed' row without a smelter name (D) and country (E)")
    }
    // Graph id: the CID, else smelter:<normalised name>:<country>.
    if let cid = row.cid {
      row.entityID = cid
    } else if let name = row.effectiveName {
      let normalized = normalizer.normalize(name)
      let key = normalized.isEmpty ? name.lowercased() : normalized
      row.entityID = "smelter:\(key):\(row.countryISO ?? "")"
    } else {
      let reason =
        row.lookupName.map({ $0.lowercased() == Self.notIdentified }) == true
        ? "'Smelter not yet identified'" : "no CID and no smelter name"
      findings.add(.warning, .smelterUnidentified, at: at, "smelter row with \(reason): kept for the roll-up, not in the graph")
    }
  }

  private func isUnknown(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower == "unknown" || lower == "n/a" || lower == "not supplied"
  }

  private func isLookupPlaceholder(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower == Self.notListed || lower == Self.notIdentified
  }

  private func report(_ id: String, at: Provenance, findings: inout FindingLog) {
    if isLegacyID(id) {
      findings.add(
        .warning, .legacySmelterId, at: at, "smelter id '\(id)' is a pre-2014 id, not a CID; ignored",
        evidence: [Attribute("smelter_id", id)])
    } else {
      findings.add(
        .warning, .malformedCid, at: at, "smelter id '\(id)' is not a CID (CID + 6 digits); ignored",
        evidence: [Attribute("smelter_id", id)])
    }
  }

  /// Pre-2014 ids: metal digit, ISO3 letters, three digits (e.g. `1CHN023`).
  private func isLegacyID(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard bytes.count == 7 else { return false }
    let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
    let isUpper = { (b: UInt8) in b >= 65 && b <= 90 }
    return isDigit(bytes[0]) && bytes[1...3].allSatisfy(isUpper) && bytes[4...].allSatisfy(isDigit)
  }
}

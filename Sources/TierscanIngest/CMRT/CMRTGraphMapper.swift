import Foundation
import TierscanCore

/// Turns a parsed workbook into graph records (model §2.8): the declaring company, one smelter
/// entity per identified row, and a `supplies` edge smelter → company per row, with the metal
/// as commodity. Duplicate rows give duplicate (parallel) edges: separate evidence.
struct CMRTGraphMapper {
  let normalizer: NameNormalizer

  /// The declaring company's id: `cmrt:` + normalised name with spaces as `-`, or `cmrt:` + the
  /// file name when the name is blank (or normalises to nothing).
  func companyID(name: String?, file: String) -> String {
    if let name {
      let normalized = normalizer.normalize(name)
      if !normalized.isEmpty { return "cmrt:" + normalized.replacingOccurrences(of: " ", with: "-") }
    }
    let fileName = file.split(separator: "/").last.map(String.init) ?? file
    return "cmrt:" + fileName
  }

  /// LEI/DUNS/VAT from D12 with authority D13: the authority says which scheme; with no
  /// authority, a value that validates as an LEI or DUNS is taken as one. Invalid values for a
  /// named scheme are dropped with a warning.
  func identifiers(_ declaration: CMRTDeclaration, at: Provenance, findings: inout FindingLog) -> Identifiers {
    var result = Identifiers()
    guard let value = declaration.companyUniqueID else { return result }
    let authority = declaration.companyUniqueIDAuthority?.lowercased() ?? ""
    let duns = IdentifierCheck.canonicalDUNS(value)
    if authority.contains("lei") {
      if IdentifierCheck.isValidLEI(value) {
        result.lei = value
      } else {
        findings.add(.warning, .invalidLei, at: at, "company id '\(value)' is not a valid LEI; dropped")
      }
    } else if authority.contains("duns") || authority.contains("d-u-n-s") || authority.contains("dun & bradstreet") {
      if IdentifierCheck.isValidDUNS(duns) {
        result.duns = duns
      } else {
        findings.add(.warning, .invalidDuns, at: at, "company id '\(value)' is not a valid DUNS; dropped")
      }
    } else if authority.contains("vat") {
      result.vat = value
    } else if IdentifierCheck.isValidLEI(value) {
      result.lei = value
    } else if authority.isEmpty, IdentifierCheck.isValidDUNS(duns) {
      result.duns = duns
    }
    return result
  }

  /// Appends the workbook's records to `result`.
  func records(for workbook: CMRTWorkbook, identifiers: Identifiers, into result: inout IngestedInputs) {
    let companyAt = workbook.companyProvenance
    var attributes: [Attribute] = [Attribute("cmrt_template", "\(workbook.template) \(workbook.version ?? "")")]
    if let scope = workbook.declaration.scope { attributes.append(Attribute("cmrt_scope", scope)) }
    result.entities.append(
      EntityRecord(
        id: workbook.companyID, name: workbook.companyName, kind: .company, identifiers: identifiers,
        attributes: attributes, provenance: companyAt, mergesByName: workbook.companyName != nil))
    for row in workbook.smelters {
      guard let id = row.entityID else { continue }
      var aliases: [String] = []
      for alias in [row.lookupName, row.standardName].compactMap({ $0 })
      where alias != row.effectiveName && !aliases.contains(alias)
        && alias.lowercased() != CMRTSmelterResolver.notListed && alias.lowercased() != CMRTSmelterResolver.notIdentified
      {
        aliases.append(alias)
      }
      result.entities.append(
        EntityRecord(
          id: id, name: row.effectiveName, kind: .smelter, country: row.countryISO,
          commodities: row.metal.map { [$0] } ?? [], identifiers: Identifiers(cid: row.cid), aliases: aliases,
          attributes: row.unresolvedCountry.map { [Attribute(CountryValues.unresolvedAttribute, $0)] } ?? [],
          provenance: row.provenance))
      var edgeAttributes: [Attribute] = []
      let optional: [(String, String?)] = [
        ("source_of_id", row.sourceOfID), ("mine_names", row.mineNames), ("mine_country", row.mineCountry),
        ("recycled_or_scrap", row.recycledOrScrap), ("next_steps", row.nextSteps), ("comments", row.comments),
      ]
      for (key, value) in optional { if let value { edgeAttributes.append(Attribute(key, value)) } }
      result.relationships.append(
        RelationshipRecord(
          from: id, to: workbook.companyID, type: .supplies, commodity: row.metal, attributes: edgeAttributes,
          provenance: row.provenance))
    }
  }
}

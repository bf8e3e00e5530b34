import TierscanCore

/// One identifier record of an OMTS node that passed the checks of OMTS SPEC-002.
struct OMTSIdentifier: Hashable {
  var scheme: String
  var value: String
  var authority: String?
}

extension OMTSReader {
  /// Checks a node's `identifiers` (OMTS SPEC-002 L1 rules, SPEC-004 disclosure) and returns
  /// the records that passed; each failure is an error finding `omts-identifier`,
  /// `omts-date` or `omts-disclosure` naming the identifier.
  mutating func checkIdentifiers(_ value: JSONValue?, nodeType: String, at: Provenance) -> [OMTSIdentifier] {
    guard let value else {
      if nodeType == "boundary_ref" {
        error(.omtsIdentifier, at, "a boundary_ref node must carry exactly one identifier, of scheme opaque (OMTS SPEC-004)")
      }
      return []
    }
    guard let items = value.arrayValue else {
      error(.omtsIdentifier, at, "identifiers must be an array")
      return []
    }
    var kept: [OMTSIdentifier] = []
    var seen = Set<OMTSIdentifier>()
    for (i, item) in items.enumerated() {
      let label = "identifiers[\(i)]"
      guard item.objectValue != nil else {
        error(.omtsIdentifier, at, "\(label) must be an object")
        continue
      }
      guard let scheme = item["scheme"]?.stringValue, !scheme.isEmpty else {
        error(.omtsIdentifier, at, "\(label) has no scheme (OMTS SPEC-002)")
        continue
      }
      guard let text = item["value"]?.stringValue, !text.isEmpty else {
        error(.omtsIdentifier, at, "\(label) (\(scheme)) has no value (OMTS SPEC-002)")
        continue
      }
      let authority = item["authority"]?.stringValue
      var isValid = true
      func fail(_ rule: FindingRule, _ message: String) {
        error(rule, at, "\(label) \(scheme) '\(text)': \(message)")
        isValid = false
      }
      if !OMTSVocabulary.coreSchemes.contains(scheme), !InterchangeValues.isReverseDomain(scheme) {
        fail(.omtsIdentifier, "scheme is neither an OMTS core scheme nor a reverse-domain extension")
      }
      if OMTSVocabulary.schemesNeedingAuthority.contains(scheme), (authority ?? "").isEmpty {
        fail(.omtsIdentifier, "scheme \(scheme) needs an authority (OMTS SPEC-002)")
      }
      switch scheme {
      case "lei" where !IdentifierCheck.isValidLEI(text): fail(.omtsIdentifier, "not a valid LEI (ISO 17442 check digits)")
      case "duns" where !IdentifierCheck.isValidDUNS(text): fail(.omtsIdentifier, "not a valid DUNS (9 digits)")
      case "gln" where !InterchangeValues.isValidGLN(text): fail(.omtsIdentifier, "not a valid GLN (13 digits, GS1 check digit)")
      default: break
      }
      var dates: [String: String] = [:]
      for key in ["valid_from", "valid_to", "verification_date"] {
        guard let field = item[key], field != .null else { continue }
        if let date = field.stringValue, InterchangeValues.isDate(date) {
          dates[key] = date
        } else {
          fail(.omtsDate, "\(key) \(InterchangeValues.text(field)) is not a YYYY-MM-DD date")
        }
      }
      if let from = dates["valid_from"], let to = dates["valid_to"], from > to {
        fail(.omtsDate, "valid_from \(from) is after valid_to \(to)")
      }
      var sensitivity = OMTSVocabulary.defaultSensitivity(of: scheme)
      if let field = item["sensitivity"] {
        if let given = field.stringValue, OMTSVocabulary.sensitivities.contains(given) {
          sensitivity = given
        } else {
          fail(.omtsIdentifier, "sensitivity \(InterchangeValues.text(field)) is not public, restricted or confidential")
        }
      }
      if let field = item["verification_status"],
        field.stringValue.map(OMTSVocabulary.verificationStatuses.contains) != true
      {
        fail(.omtsIdentifier, "verification_status \(InterchangeValues.text(field)) is not verified, reported, inferred or unverified")
      }
      if disclosureScope == "public", sensitivity != "public" {
        fail(.omtsDisclosure, "a \(sensitivity) identifier in a file with disclosure_scope public (OMTS SPEC-004)")
      }
      let identifier = OMTSIdentifier(scheme: scheme, value: text, authority: authority)
      if !seen.insert(identifier).inserted { fail(.omtsIdentifier, "given twice on this node (OMTS SPEC-002)") }
      if isValid { kept.append(identifier) }
    }
    if nodeType == "boundary_ref", items.count != 1 || items.first?["scheme"]?.stringValue != "opaque" {
      error(
        .omtsIdentifier, at,
        "a boundary_ref node must carry exactly one identifier, of scheme opaque (OMTS SPEC-004); it has \(items.count)")
    }
    return kept
  }
}

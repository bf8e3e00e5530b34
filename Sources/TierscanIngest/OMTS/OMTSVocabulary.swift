/// The OMTS 0.1.0 vocabulary tierscan checks (OMTS SPEC-001 §4–§9, SPEC-002 §3, SPEC-004) and
/// writes (`export --format omts`).
public enum OMTSVocabulary {
  /// OMTS versions this reader was written against; another version is a warning.
  static let supportedVersions: Set<String> = ["0.1.0"]
  /// The version tierscan writes.
  public static let exportVersion = "0.1.0"

  static let nodeTypes: Set<String> = [
    "organization", "facility", "good", "person", "attestation", "consignment", "boundary_ref",
  ]
  static let edgeTypes: Set<String> = [
    "ownership", "operational_control", "legal_parentage", "former_identity", "beneficial_ownership", "supplies",
    "subcontracts", "tolls", "distributes", "brokers", "operates", "produces", "composed_of", "sells_to",
    "attested_by", "same_as",
  ]
  static let coreSchemes: Set<String> = ["lei", "duns", "gln", "nat-reg", "vat", "internal", "opaque"]
  /// Schemes whose records need an `authority`.
  public static let schemesNeedingAuthority: Set<String> = ["nat-reg", "vat", "internal"]
  static let sensitivities: Set<String> = ["public", "restricted", "confidential"]
  static let verificationStatuses: Set<String> = ["verified", "reported", "inferred", "unverified"]
  public static let dataQualityConfidences: Set<String> = ["verified", "reported", "inferred", "estimated"]
  static let disclosureScopes: Set<String> = ["internal", "partner", "public"]
  /// tierscan's own edge types for relationships whose endpoints OMTS does not allow for the
  /// core type (a smelter or mine that supplies a company, an owner that is a facility, …):
  /// reverse-domain extension types, unconstrained by OMTS and read back by tierscan.
  public static let tierscanEdgeTypes: [String: String] = [
    "org.tierscan.supplies": "supplies", "org.tierscan.subcontracts": "subcontracts",
    "org.tierscan.owns": "owns", "org.tierscan.operates": "operates",
  ]
  static let operations: Set<String> = ["add", "modify", "remove"]
  static let sameAsConfidences: Set<String> = ["definite", "probable", "possible"]
  /// The extension identifier scheme tierscan uses for RMI smelter ids (not an OMTS core scheme).
  public static let cidScheme = "org.responsibleminerals.cid"

  /// Permitted (source, target) node types per edge type (SPEC-001 §9.5; `same_as` and extension
  /// types are unconstrained; a `boundary_ref` stands in for any type).
  public static let endpointTypes: [String: (source: Set<String>, target: Set<String>)] = [
    "ownership": (["organization"], ["organization"]),
    "operational_control": (["organization"], ["organization", "facility"]),
    "legal_parentage": (["organization"], ["organization"]),
    "former_identity": (["organization"], ["organization"]),
    "beneficial_ownership": (["person"], ["organization"]),
    "supplies": (["organization"], ["organization"]),
    "subcontracts": (["organization"], ["organization"]),
    "tolls": (["organization", "facility"], ["organization"]),
    "distributes": (["organization"], ["organization"]),
    "brokers": (["organization"], ["organization"]),
    "operates": (["organization"], ["facility"]),
    "produces": (["facility"], ["good", "consignment"]),
    "composed_of": (["good", "consignment"], ["good", "consignment"]),
    "sells_to": (["organization"], ["organization"]),
    "attested_by": (["organization", "facility", "good", "consignment"], ["attestation"]),
  ]

  /// Default sensitivity of an identifier scheme (SPEC-004): public for lei, duns, gln; restricted
  /// for nat-reg, vat, internal (and any other scheme).
  public static func defaultSensitivity(of scheme: String) -> String {
    ["lei", "duns", "gln", "opaque"].contains(scheme) ? "public" : "restricted"
  }

  /// Whether a commodity is an HS code (`7318`, `7318.15`, `731815`): 4–12 digits and dots, not
  /// starting with a dot. The reader reads such an edge `commodity` as `hs_code`.
  public static func isHSCode(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 4, bytes.count <= 12 else { return false }
    return bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 } && bytes.first != 46
  }
}

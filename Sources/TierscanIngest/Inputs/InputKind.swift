/// What an input file holds, recognised by extension then header or root element (model §2).
public enum InputKind: String, Sendable, Hashable, CaseIterable, Codable {
  case relationships
  case supplierList = "supplier-list"
  case riskList = "risk-list"
  case smelterReference = "smelter-reference"
  case countryRisk = "country-risk"
  case entities
  /// Reviewer judgements: `left`, `right`, `decision` (SPEC v3 §6).
  case judgements
  case disclosure = "xml-disclosure"
  case ilabGoods = "ilab-goods"
  case cmrt
  case emrt
  case smelterLookup = "smelter-lookup"
  /// Supplier assessments and audits (docs/formats.md).
  case assessments
  /// Findings of those assessments (docs/formats.md).
  case auditFindings = "audit-findings"
  /// An Open Multi-Tier Supply graph (`.omts`, or `.json` whose first key is `omts_version`).
  case omts
  /// A Beneficial Ownership Data Standard 0.4 package (statements with `statementId`/`recordType`).
  case bods
  /// FollowTheMoney entities as JSON lines (OpenSanctions exports), read as a risk list.
  case ftm = "ftm-risk-list"
  /// Not recognised: an error finding, never a crash.
  case unrecognised
}

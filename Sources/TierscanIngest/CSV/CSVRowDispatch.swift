import TierscanCore

/// Parses a well-formed row by its kind, shared by native CSV files and mapped tables.
enum CSVRowDispatch {
  /// Parses `row` as `kind` into `result`; returns whether it was accepted.
  static func parse(_ row: inout CSVRow, kind: InputKind, into result: inout IngestedInputs) -> Bool {
    switch kind {
    case .entities:
      guard let record = EntityRowParser.parse(&row) else { return false }
      result.entities.append(record)
    case .relationships:
      guard let record = RelationshipRowParser.parse(&row) else { return false }
      result.relationships.append(record)
    case .supplierList:
      guard let (entity, edge, tier) = SupplierListRowParser.parse(&row) else { return false }
      result.entities.append(entity)
      result.relationships.append(edge)
      if let tier { result.declaredTiers.append(tier) }
    case .riskList:
      guard let entry = RiskListRowParser.parse(&row) else { return false }
      result.riskList.append(entry)
    case .judgements:
      guard let judgement = JudgementRowParser.parse(&row) else { return false }
      result.judgements.append(judgement)
    case .countryRisk:
      guard let entry = CountryRiskRowParser.parse(&row) else { return false }
      result.countryRisk.append(entry)
    case .smelterReference:
      guard let reference = SmelterReferenceRowParser.parse(&row) else { return false }
      result.smelterReferences.append(reference)
    case .assessments:
      guard let record = AssessmentRowParser.parse(&row) else { return false }
      result.assessments.append(record)
    case .auditFindings:
      guard let record = AuditFindingRowParser.parse(&row) else { return false }
      result.auditFindings.append(record)
    default:
      return false
    }
    return true
  }

  /// The columns a kind reads; every other column is kept as attributes.
  static func knownColumns(of kind: InputKind) -> Set<String> {
    switch kind {
    case .entities: EntityRowParser.columns
    case .relationships: RelationshipRowParser.columns
    case .supplierList: SupplierListRowParser.columns
    case .riskList: RiskListRowParser.columns
    case .judgements: JudgementRowParser.columns
    case .countryRisk: CountryRiskRowParser.columns
    case .smelterReference: SmelterReferenceRowParser.columns
    case .assessments: AssessmentRowParser.columns
    case .auditFindings: AuditFindingRowParser.columns
    default: []
    }
  }
}

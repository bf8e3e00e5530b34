import TierscanCore
import TierscanRisk

/// Assessments of an exposed entity, shown beside its exposure in `paths.json` as
/// `audit_evidence` (docs/audits.md, "Mitigation evidence"): a clean, valid audit is evidence
/// that due diligence took place, **never** a reduction of the score.
enum AuditMitigation {
  /// The `audit_evidence` value of every entity that is the supplier or site of an assessment,
  /// by entity; empty without assessments.
  ///
  /// - Complexity: O(A + F).
  static func index(_ analysis: RiskAnalysis) -> [EntityIndex: JSONValue] {
    let audits = analysis.audits
    guard !audits.assessments.isEmpty else { return [:] }
    var open = [Int](repeating: 0, count: audits.assessments.count)
    var openSerious = [Int](repeating: 0, count: audits.assessments.count)
    for f in audits.findings where f.isOpen {
      guard let a = f.assessment else { continue }
      open[a] += 1
      if f.severity == .critical || f.severity == .major { openSerious[a] += 1 }
    }
    var byEntity: [EntityIndex: [JSONValue]] = [:]
    for (i, a) in audits.assessments.enumerated() where !a.isDuplicate {
      let r = a.record
      let item = JSONValue.object([
        ("assessment", .string(r.id)), ("scheme", .string(r.scheme)), ("type", .optional(r.type)),
        ("date", .string(r.date.description)), ("valid_until", .optional(r.validUntil?.description)),
        ("announcement", .optional(r.announcement)), ("valid_at_period_end", .bool(a.isValid)),
        ("open_findings", .number(Double(open[i]))), ("open_critical_or_major", .number(Double(openSerious[i]))),
        ("clean", .bool(a.isValid && openSerious[i] == 0)), ("file", .string(r.provenance.file)),
        ("line", .optional(r.provenance.line)),
      ])
      var entities: [EntityIndex] = []
      if let s = a.supplier { entities.append(s) }
      if let s = a.site, s != a.supplier { entities.append(s) }
      for e in entities { byEntity[e, default: []].append(item) }
    }
    return byEntity.mapValues { .array($0) }
  }
}

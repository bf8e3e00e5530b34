import Foundation
import TierscanCore

/// The headline audit KPIs as one flat, ordered list (`statement.json` →
/// `figures.remediation.kpis`), so that a later pack's `--previous` can set this year's against
/// last year's (docs/statement.md).
public enum AuditKPIs {
  /// Names and values, in a fixed order; `nil` when undefined (a share of nothing).
  public static func values(_ a: AuditFigures) -> [(name: String, value: Double?)] {
    [
      ("tier1_assessed_share", AuditFigures.share(a.tier1Assessed.count, a.tier1Suppliers.count)),
      ("high_or_critical_assessed_share", AuditFigures.share(a.highRiskAssessed.count, a.highRisk.count)),
      ("assessments_in_period", Double(a.inPeriod)),
      ("unannounced_share", AuditFigures.share(a.unannounced, a.announcementGiven)),
      ("findings_raised_in_period", Double(a.raisedInPeriod)),
      ("open_critical", Double(a.openCritical.count)),
      ("remediation_rate", a.remediationRate),
      ("median_days_to_close", a.daysToClose.first?.median),
      ("overdue", Double(a.overdue.count)),
      ("repeat_findings", Double(a.repeats.count)),
      ("findings_with_worker_remedy", Double(a.withRemedy)),
    ]
  }

  /// The KPIs as a JSON object.
  public static func object(_ a: AuditFigures) -> JSONValue {
    .object(values(a).map { ($0.name, .optional($0.value)) })
  }

  /// The KPIs a previous output directory's `statement.json` recorded, by name; empty when it
  /// has none (a scan directory, or a pack from before these figures).
  public static func previous(directory: String) -> [String: Double] {
    let url = URL(fileURLWithPath: directory).appendingPathComponent("statement.json")
    return previous(statementJSON: (try? Data(contentsOf: url)).map { Array($0) })
  }

  /// The KPIs a previous `statement.json`'s bytes recorded, by name; empty without any.
  public static func previous(statementJSON bytes: [UInt8]?) -> [String: Double] {
    guard let bytes, let json = try? JSONParser.parse(bytes: bytes),
      let kpis = json["figures"]?["remediation"]?["kpis"]?.objectValue
    else { return [:] }
    var out: [String: Double] = [:]
    for (name, value) in kpis { if let n = value.numberValue { out[name] = n } }
    return out
  }
}

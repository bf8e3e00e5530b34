import TierscanCore

extension StatementMarkdown {
  static func share(_ part: Int, _ whole: Int) -> String {
    AuditFigures.share(part, whole).map { " (\(percent($0)))" } ?? ""
  }

  static func noAudits(_ a: AuditFigures) -> String? {
    a.assessmentsRead == 0 && a.findingsRead == 0
      ? "Assessments and audit findings: none among the inputs (no assessment or audit figure can be given; not a clean result).\n\n" : nil
  }

  /// The `assessments`, `audit_findings` and `remediation` figures.
  static func auditFigure(_ key: StatementFigure, _ a: AuditFigures, previous: [String: Double]? = nil) -> String {
    if let none = noAudits(a) { return key == .assessments ? none : "" }
    let end = a.periodEnd?.description ?? "-"
    switch key {
    case .assessments:
      var out = "Assessments as of \(end) (period \(a.periodStart?.description ?? "-") exclusive to \(end); "
      out += "an assessment past `valid_until` or older than `max_age_months` counts as not assessed):\n\n"
      out += "- tier-1 suppliers with a valid assessment: \(a.tier1Assessed.count) of \(a.tier1Suppliers.count)\(share(a.tier1Assessed.count, a.tier1Suppliers.count))"
      if let total = a.tier1Spend, total > 0 {
        out += "; by spend \(percent((a.tier1AssessedSpend ?? 0) / total))"
      }
      out += "\n- high- or critical-exposure entities in the chain assessed: \(a.highRiskAssessed.count) of \(a.highRisk.count)\(share(a.highRiskAssessed.count, a.highRisk.count))\n"
      out += "- assessments dated in the period: \(a.inPeriod); unannounced \(a.unannounced) of \(a.announcementGiven) that say\(share(a.unannounced, a.announcementGiven))\n"
      out += "- not valid at the period end (expired or too old): " + (a.notValid.isEmpty ? "none" : a.notValid.map { "`\(md($0))`" }.joined(separator: ", ")) + "\n\n"
      out += table(["tier", "entities", "assessed"], a.byTier.map { [String($0.tier), String($0.entities), String($0.assessed)] })
      out += table(["scheme", "assessments in period"], a.byScheme.map { [$0.key, String($0.count)] })
      out += table(["type", "assessments in period"], a.byType.map { [$0.key, String($0.count)] })
      return out
    case .auditFindings:
      var out = "Audit findings raised in the period: \(a.raisedInPeriod); open critical at \(end): \(a.openCritical.count)"
      out += a.openCriticalPer100Assessed.map { " (\(String(format: "%.1f", $0)) per 100 assessed suppliers)" } ?? ""
      out += a.openCritical.isEmpty ? ".\n\n" : ": " + a.openCritical.map { "`\(md($0))`" }.joined(separator: ", ") + ".\n\n"
      out += table(["category"] + AuditSeverity.allCases.map(\.rawValue), a.findingsByCategory.map { [$0.category] + $0.bySeverity.map { String($0.count) } })
      out += table(["ILO indicator", "findings"], a.findingsByIndicator.map { [$0.key, String($0.count)] })
      if a.unlinked + a.unmappedSeverity > 0 {
        out += "Not counted: \(a.unlinked) finding(s) without a known assessment or entity, \(a.unmappedSeverity) with an unmapped severity (quality.json).\n\n"
      }
      return out
    default:
      var out = "Remediation as of \(end): \(a.closedInPeriod) finding(s) verified closed in the period, of \(a.openAtStart) open at its start plus \(a.raisedInPeriod) raised in it"
      out += a.remediationRate.map { " (remediation rate \(percent($0)))" } ?? ""
      out += "; overdue open findings: \(a.overdue.count)"
      out += a.overdue.isEmpty ? "" : " (" + a.overdue.map { "`\(md($0))`" }.joined(separator: ", ") + ")"
      out += "; repeat findings: \(a.repeats.count); findings with a worker remedy: \(a.withRemedy).\n\n"
      out += table(["severity", "closed", "median days to close", "p90 days"], a.daysToClose.filter { $0.closed > 0 }.map {
        [$0.severity, String($0.closed), $0.median.map { JSONWriter.formatNumber($0) } ?? "", $0.p90.map(String.init) ?? ""]
      })
      if !a.remedies.isEmpty { out += table(["remedy", "findings"], a.remedies.map { [$0.key, String($0.count)] }) }
      if let previous {
        func show(_ name: String, _ value: Double?) -> String {
          guard let value else { return "-" }
          return name.hasSuffix("_share") || name == "remediation_rate" ? percent(value) : JSONWriter.formatNumber(value)
        }
        out += "Indicators against `--previous` (\"-\": not recorded or undefined there):\n\n"
        out += table(["indicator", "this period", "previous"], AuditKPIs.values(a).map { [$0.name, show($0.name, $0.value), show($0.name, previous[$0.name])] })
      }
      return out
    }
  }
}

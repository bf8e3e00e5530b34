import TierscanCore
import TierscanRisk

/// The S-211 questionnaire answer sheet (`questionnaire.json`, `questionnaire.csv`): every
/// question of the chosen version, pre-filled only where the data supports an answer (with the
/// basis), otherwise marked for the organisation. Nothing here is prose, and nothing names a
/// person.
public struct S211AnswerSheet: Sendable {
  /// One question's row.
  public struct Answer: Sendable, Hashable {
    public var question: S211Questionnaire.Question
    /// `pre-filled` (confirm before submitting) or `for-the-organisation`.
    public var status: String
    /// The options or values suggested (empty when for the organisation).
    public var answer: [String]
    /// What the suggestion rests on (figures, counts), or what data may help the organisation.
    public var basis: String
  }

  public static let preFilled = "pre-filled"
  public static let forOrganisation = "for-the-organisation"

  public var version: String
  public var answers: [Answer]

  /// Fills the sheet of `version` from a statement document.
  ///
  /// - Returns: `nil` for an unknown version.
  public init?(version: String, document d: StatementDocument, analysis: RiskAnalysis) {
    guard let questions = S211Questionnaire.questions(version: version) else { return nil }
    self.version = version
    let f = d.figures
    let a = f.audits
    var suggestions: [String: ([String], String)] = [:]
    func suggest(_ key: String, _ answer: [String], _ basis: String) { if !answer.isEmpty { suggestions[key] = (answer, basis) } }

    suggest("identifying 2", [f.focusName], "the focus entity's name in the data (confirm the legal name)")
    suggest("identifying 7.1", d.regimes.regimes.compactMap { $0 == .uk ? "UK Modern Slavery Act 2015" : $0 == .au ? "Australia Modern Slavery Act 2018" : nil },
      "the other regimes this pack was written for (--regime)")
    if let country = f.focusCountry { suggest("identifying 10", [country], "the focus entity's country in the data (ISO 3166-1 alpha-2)") }

    let deepest = f.byTier.filter { $0.entities > 0 }.map(\.tier).max() ?? 0
    let hasReference = analysis.coverage.hasRiskList || analysis.coverage.hasCountryRisk
    var steps: [(String, String)] = []
    if deepest >= 2 { steps.append(("mapping supply chains", "relationships reach tier \(deepest) (figure structure)")) }
    if hasReference { steps.append(("internal assessment of risks", "risk lists or country risk tables were screened (figure reference_data)")) }
    if a.inPeriod > 0 { steps.append(("auditing suppliers", "\(a.inPeriod) assessment(s) dated in the period (figure assessments)")) }
    if a.assessmentsRead > 0, !a.tier1Assessed.isEmpty || !a.highRiskAssessed.isEmpty {
      steps.append(("monitoring suppliers", "valid assessments at the period end cover \(a.tier1Assessed.count) tier-1 and \(a.highRiskAssessed.count) high-risk entities"))
    }
    if a.closedInPeriod > 0 || a.withRemedy > 0 {
      steps.append(("remediation measures", "\(a.closedInPeriod) finding(s) verified closed, \(a.withRemedy) with a worker remedy (figure remediation)"))
    }
    if d.change != nil { steps.append(("procedures to track performance", "year-on-year comparison with --previous (figure change)")) }
    suggest("annual-report 1", steps.map(\.0), steps.map(\.1).joined(separator: "; "))

    var elements: [(String, String)] = []
    if hasReference { elements.append(("identifying and assessing adverse impacts", "risk screening and propagation ran")) }
    if d.change != nil || a.findingsRead > 0 { elements.append(("tracking implementation and results", d.change != nil ? "--previous comparison" : "audit finding KPIs")) }
    suggest("annual-report 6.1", elements.map(\.0), elements.map(\.1).joined(separator: "; "))

    let unmapped = f.coverage.reduce(0) { $0 + $1.unmappedIDs.count }
    suggest(
      "annual-report 8", [unmapped > 0 ? "yes, we have started the process but there are gaps" : "yes, to the best of our knowledge"],
      "\(unmapped) of \(f.composition.canBeUnmapped) suppliers that can be unmapped (companies and facilities other than raw-material producers) are unmapped (figure coverage); a scan ran, so never 'no'")

    var aspects: [String] = []
    let flaggedTiers = Set(f.flags.filter { $0.level >= .medium && $0.tier >= 1 }.map { min($0.tier, 4) })
    for (tier, label) in [(1, "tier 1 suppliers"), (2, "tier 2 suppliers"), (3, "tier 3 suppliers"), (4, "suppliers beyond tier 3")] where flaggedTiers.contains(tier) {
      aspects.append(label)
    }
    if f.countryCommodityRisks.contains(where: { !$0.commodity.isEmpty }) { aspects.append("raw materials or commodities") }
    if !f.countryCommodityRisks.isEmpty { aspects.append("locations of activities") }
    let open = analysis.audits.findings.filter(\.isOpen).map(\.record)
    if open.contains(where: { $0.category == .forcedLabour || !$0.iloIndicators.isEmpty }) { aspects.append("use of forced labour") }
    if open.contains(where: { $0.category == .childLabour }) { aspects.append("use of child labour") }
    suggest("annual-report 8.1", aspects, "tiers of medium-or-above exposures (figure flagged), country-commodity risk rows (figure risk_sources), open audit findings (figure audit_findings)")

    let remediated = analysis.audits.findings.filter { finding in
      finding.isVerifiedClosed && (finding.record.category == .forcedLabour || finding.record.category == .childLabour || !finding.record.iloIndicators.isEmpty)
        && (finding.record.closedDate.map { c in a.periodStart.map { c > $0 } ?? true } ?? false)
    }
    if !remediated.isEmpty {
      suggest("annual-report 11", ["yes"], "\(remediated.count) forced- or child-labour finding(s) verified closed in the period; remedies: "
        + (Set(remediated.flatMap(\.record.remedies)).sorted().joined(separator: ", ").nonEmpty ?? "none recorded"))
    }
    var methods: [(String, String)] = []
    if a.findingsRead > 0 || d.change != nil { methods.append(("tracking performance indicators", "KPIs computed (figures remediation, coverage_kpis)")) }
    if analysis.audits.findings.contains(where: { $0.record.verification == "follow-up-audit" || $0.record.verification == "closure-audit" }) {
      methods.append(("working with suppliers to measure effectiveness", "follow-up or closure audits verified findings"))
    }
    suggest("annual-report 17.1", methods.map(\.0), methods.map(\.1).joined(separator: "; "))

    let help: [String: String] = [
      "annual-report 5": "figures organisation, structure, ownership",
      "annual-report 9": "entity sectors in figure structure (a NAICS mapping is not in the data)",
      "annual-report 10": "figures focus_exposure, risk_sources, flagged and paths.json",
      "annual-report 12": "figure remediation",
      "annual-report 18": "figures remediation, coverage_kpis, change",
    ]
    answers = questions.map { q in
      let key = "\(q.part) \(q.number)"
      if let (answer, basis) = suggestions[key] {
        return Answer(question: q, status: Self.preFilled, answer: answer, basis: basis)
      }
      return Answer(question: q, status: Self.forOrganisation, answer: [], basis: help[key] ?? "")
    }
  }

  /// `questionnaire.json`.
  public func json() -> String {
    JSONWriter.string(
      .object([
        ("questionnaire", .string("S-211 annual report questionnaire (Public Safety Canada)")),
        ("version", .string(version)),
        ("note", .string("Pre-filled answers are suggestions from the data; the organisation confirms every answer, which must agree with the report.")),
        (
          "answers",
          .array(answers.map { r in
            .object([
              ("part", .string(r.question.part)), ("number", .string(r.question.number)), ("topic", .string(r.question.topic)),
              ("kind", .string(r.question.kind)), ("status", .string(r.status)), ("answer", .array(r.answer.map { .string($0) })),
              ("basis", .string(r.basis)),
            ])
          })
        ),
      ]))
  }

  /// `questionnaire.csv` (cells neutralised like every CSV tierscan writes).
  public func csv() -> String {
    var writer = CSVWriter(header: ["version", "part", "number", "topic", "kind", "status", "answer", "basis"])
    for r in answers {
      writer.writeRow([version, r.question.part, r.question.number, r.question.topic, r.question.kind, r.status, r.answer.joined(separator: "; "), r.basis])
    }
    return writer.text
  }
}

extension String {
  /// `nil` when empty.
  var nonEmpty: String? { isEmpty ? nil : self }
}

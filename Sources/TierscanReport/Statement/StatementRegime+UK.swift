extension StatementRegime {
  /// The UK sections: s.54(5)(a)–(f) and s.54(6) approval.
  static func ukSections(hasPrevious: Bool) -> [StatementSection] {
    let change: [StatementFigure] = hasPrevious ? [.change] : []
    func p(_ id: String, _ prompt: String) -> StatementSection.Placeholder { .init(id: id, prompt: prompt) }
    return [
      StatementSection(
        regime: .uk, provision: "s.54(5)(a)", title: "Structure, business and supply chains",
        figures: [.organisation, .structure, .ownership],
        placeholders: [p("uk.a.business", "Describe the organisation's structure, business model, operations and own workforce; the figures cover the mapped supply chain only.")]),
      StatementSection(
        regime: .uk, provision: "s.54(5)(b)", title: "Policies in relation to slavery and human trafficking",
        figures: [],
        placeholders: [p("uk.b.policies", "List the policies in force (e.g. supplier code of conduct, recruitment, whistleblowing) and who owns them.")]),
      StatementSection(
        regime: .uk, provision: "s.54(5)(c)", title: "Due diligence processes in the business and supply chains",
        figures: [.coverage, .assessments, .cmrt, .smelters, .referenceData],
        placeholders: [p("uk.c.due_diligence", "Describe the due-diligence process: supplier onboarding, questionnaires, audits, and how the unmapped suppliers listed here will be mapped.")]),
      StatementSection(
        regime: .uk, provision: "s.54(5)(d)", title: "Parts of the business and supply chains at risk, and steps taken",
        figures: [.focusExposure, .unassessed, .riskSources, .flagged, .auditFindings],
        placeholders: [p("uk.d.steps", "Describe the steps taken to assess and manage each flagged risk (engagement, corrective action, exit), and any cases identified.")]),
      StatementSection(
        regime: .uk, provision: "s.54(5)(e)", title: "Effectiveness, measured against performance indicators",
        figures: change + [.coverageKPIs, .remediation],
        placeholders: [p("uk.e.effectiveness", "Choose the performance indicators and explain what the year-on-year figures show about effectiveness.")]),
      StatementSection(
        regime: .uk, provision: "s.54(5)(f)", title: "Training about slavery and human trafficking",
        figures: [],
        placeholders: [p("uk.f.training", "Describe the training available to staff: who receives it, content, completion.")]),
      StatementSection(
        regime: .uk, provision: "s.54(6)", title: "Approval and signature",
        figures: [],
        placeholders: [p("uk.approval", "Board approval date and the signature of a director (or designated member / partner).")]),
    ]
  }
}

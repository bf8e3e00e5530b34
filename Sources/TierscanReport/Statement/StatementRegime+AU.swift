extension StatementRegime {
  /// The AU sections: s.16(1)(a)–(g) and approval.
  static func auSections(hasPrevious: Bool) -> [StatementSection] {
    let change: [StatementFigure] = hasPrevious ? [.change] : []
    func p(_ id: String, _ prompt: String) -> StatementSection.Placeholder { .init(id: id, prompt: prompt) }
    return [
      StatementSection(
        regime: .au, provision: "s.16(1)(a)", title: "Identify the reporting entity",
        figures: [.organisation],
        placeholders: [p("au.a.entity", "Legal name, ABN/ACN, reporting period, and any entities covered by a joint statement.")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(b)", title: "Structure, operations and supply chains",
        figures: [.structure, .ownership],
        placeholders: [p("au.b.structure", "Describe the structure and operations (sites, workforce, owned and controlled entities).")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(c)", title: "Modern slavery risks in operations and supply chains (and those of owned or controlled entities)",
        figures: [.focusExposure, .unassessed, .riskSources, .flagged, .auditFindings],
        placeholders: [p("au.c.risks", "Describe risks in the organisation's own operations and in owned or controlled entities, which these figures do not cover.")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(d)", title: "Actions taken to assess and address risks, including due diligence and remediation",
        figures: [.coverage, .assessments, .cmrt, .smelters],
        placeholders: [p("au.d.actions", "Describe the actions taken, due-diligence steps and remediation processes, including for the flagged entities.")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(e)", title: "How the effectiveness of actions is assessed",
        figures: change + [.coverageKPIs, .remediation],
        placeholders: [p("au.e.effectiveness", "Explain how effectiveness is assessed and what the year-on-year figures show.")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(f)", title: "Consultation with owned or controlled entities",
        figures: [.ownership],
        placeholders: [p("au.f.consultation", "Describe the consultation with owned or controlled entities (and, for a joint statement, with the entity giving it).")]),
      StatementSection(
        regime: .au, provision: "s.16(1)(g)", title: "Any other relevant information",
        figures: [.referenceData, .dataQuality],
        placeholders: [p("au.g.other", "Any other information the organisation considers relevant.")]),
      StatementSection(
        regime: .au, provision: "approval", title: "Approval and signature",
        figures: [],
        placeholders: [p("au.approval", "Approval by the principal governing body (date) and signature of a responsible member.")]),
    ]
  }
}

extension StatementRegime {
  /// The Canadian sections: the s.11(1) steps, the seven areas of s.11(3)(a)–(g), and the
  /// s.11(4)–(5) approval and attestation. The questionnaire answers are in
  /// `questionnaire.json` / `.csv` (``S211Questionnaire``).
  static func caSections(hasPrevious: Bool) -> [StatementSection] {
    let change: [StatementFigure] = hasPrevious ? [.change] : []
    func p(_ id: String, _ prompt: String) -> StatementSection.Placeholder { .init(id: id, prompt: prompt) }
    func s(_ provision: String, _ title: String, _ figures: [StatementFigure], _ placeholders: [StatementSection.Placeholder]) -> StatementSection {
      StatementSection(regime: .ca, provision: provision, title: title, figures: figures, placeholders: placeholders)
    }
    return [
      s("s.11(1)", "Steps taken during the financial year to prevent and reduce the risk of forced or child labour", [],
        [p("ca.steps", "Describe the steps taken during the previous financial year; questionnaire.json lists the steps the data supports (question 1) for the organisation to confirm.")]),
      s("s.11(3)(a)", "Structure, activities and supply chains", [.organisation, .structure, .ownership],
        [p("ca.a.structure", "Describe the entity's structure (corporation, trust, partnership), its activities (producing, selling, distributing, importing goods) and its supply chains, including the source countries of each good.")]),
      s("s.11(3)(b)", "Policies and due diligence processes in relation to forced labour and child labour", [.coverage, .assessments, .referenceData],
        [p("ca.b.policies", "List the policies in force and describe the due-diligence process (the OECD steps in place), including how the unmapped and unassessed suppliers shown here will be covered.")]),
      s("s.11(3)(c)", "Parts of the business and supply chains that carry a risk of forced or child labour, and the steps taken to assess and manage it", [.focusExposure, .unassessed, .riskSources, .flagged, .auditFindings],
        [p("ca.c.risks", "Describe the risks identified in the entity's own operations and the steps taken to assess and manage each risk shown here.")]),
      s("s.11(3)(d)", "Measures taken to remediate any forced labour or child labour", [.remediation],
        [p("ca.d.remediation", "Describe the remediation measures taken (support to victims, compensation, prevention of recurrence), or state that none was needed.")]),
      s("s.11(3)(e)", "Measures taken to remediate the loss of income to the most vulnerable families", [],
        [p("ca.e.income", "Describe measures to remediate loss of income to the most vulnerable families resulting from measures to eliminate forced or child labour, or state that none was needed.")]),
      s("s.11(3)(f)", "Training provided to employees on forced labour and child labour", [],
        [p("ca.f.training", "Describe the training provided: who receives it, whether it is mandatory, its content.")]),
      s("s.11(3)(g)", "How the entity assesses its effectiveness in ensuring that forced and child labour are not used", change + [.coverageKPIs, .remediation],
        [p("ca.g.effectiveness", "Explain how effectiveness is assessed (the indicators tracked, reviews, work with suppliers), not only the results.")]),
      s("s.11(4)–(5)", "Approval and attestation", [],
        [p("ca.approval", "Approval by the governing body (state the route for a joint report), the attestation, and the signature of one or more members; the report must contain no personal information beyond this.")]),
    ]
  }

  /// The joint UK–Australia–Canada international reporting template (Version 1, July 2025):
  /// its seven areas, then approval.
  static func intlSections(hasPrevious: Bool) -> [StatementSection] {
    let change: [StatementFigure] = hasPrevious ? [.change] : []
    func p(_ id: String, _ prompt: String) -> StatementSection.Placeholder { .init(id: id, prompt: prompt) }
    func s(_ area: Int, _ title: String, _ figures: [StatementFigure], _ placeholders: [StatementSection.Placeholder]) -> StatementSection {
      StatementSection(regime: .intl, provision: "area \(area)", title: title, figures: figures, placeholders: placeholders)
    }
    return [
      s(1, "Structure, operations, activities and supply chains", [.organisation, .structure, .ownership],
        [p("intl.1.structure", "Describe the organisation and the organisations the report covers, its operations and activities.")]),
      s(2, "Policies", [],
        [p("intl.2.policies", "List the policies on modern slavery, forced labour and child labour and how they are embedded.")]),
      s(3, "Risk management processes", [.focusExposure, .unassessed, .riskSources, .flagged, .auditFindings, .referenceData],
        [p("intl.3.risk", "Describe how risks are identified, assessed and prioritised, and the risks found.")]),
      s(4, "Due diligence processes, including remediation", [.coverage, .assessments, .cmrt, .smelters, .remediation],
        [p("intl.4.due_diligence", "Describe the due-diligence and remediation processes and the actions taken.")]),
      s(5, "Training", [],
        [p("intl.5.training", "Describe the training provided, to whom, and whether it is mandatory.")]),
      s(6, "Assessing the effectiveness of actions and due diligence", change + [.coverageKPIs, .remediation],
        [p("intl.6.effectiveness", "Describe how effectiveness is assessed and the indicators tracked.")]),
      s(7, "Other relevant information", [.dataQuality],
        [p("intl.7.other", "Any other relevant information.")]),
      s(8, "Approval", [],
        [p("intl.approval", "Approval and signature as each jurisdiction's law requires.")]),
    ]
  }
}

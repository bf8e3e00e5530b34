/// One section of the statement pack, keyed to a statutory provision: the figures that support
/// it (keys into `statement.json`'s `figures`) and what only the organisation can write.
public struct StatementSection: Sendable, Hashable {
  /// Text the organisation must write; never filled in by tierscan.
  public struct Placeholder: Sendable, Hashable {
    /// Stable id, e.g. `uk.policies`.
    public var id: String
    /// A short prompt saying what belongs here.
    public var prompt: String
  }

  public var regime: StatementRegime
  /// e.g. `s.54(5)(a)`.
  public var provision: String
  public var title: String
  /// Figure keys, in display order.
  public var figures: [String]
  public var placeholders: [Placeholder]

  /// The sections of `regime` (`uk`: s.54(5)(a)–(f) and approval; `au`: s.16(1)(a)–(g) and approval).
  ///
  /// - Parameter hasPrevious: whether a `change` figure exists (`--previous`).
  public static func sections(for regime: StatementRegime, hasPrevious: Bool) -> [StatementSection] {
    let change = hasPrevious ? ["change"] : []
    func p(_ id: String, _ prompt: String) -> Placeholder { Placeholder(id: id, prompt: prompt) }
    switch regime {
    case .both: return sections(for: .uk, hasPrevious: hasPrevious) + sections(for: .au, hasPrevious: hasPrevious)
    case .uk:
      return [
        StatementSection(
          regime: .uk, provision: "s.54(5)(a)", title: "Structure, business and supply chains",
          figures: ["organisation", "structure", "ownership"],
          placeholders: [p("uk.a.business", "Describe the organisation's structure, business model, operations and own workforce; the figures cover the mapped supply chain only.")]),
        StatementSection(
          regime: .uk, provision: "s.54(5)(b)", title: "Policies in relation to slavery and human trafficking",
          figures: [],
          placeholders: [p("uk.b.policies", "List the policies in force (e.g. supplier code of conduct, recruitment, whistleblowing) and who owns them.")]),
        StatementSection(
          regime: .uk, provision: "s.54(5)(c)", title: "Due diligence processes in the business and supply chains",
          figures: ["coverage", "cmrt", "smelters", "reference_data"],
          placeholders: [p("uk.c.due_diligence", "Describe the due-diligence process: supplier onboarding, questionnaires, audits, and how the unmapped suppliers listed here will be mapped.")]),
        StatementSection(
          regime: .uk, provision: "s.54(5)(d)", title: "Parts of the business and supply chains at risk, and steps taken",
          figures: ["focus_exposure", "risk_sources", "flagged"],
          placeholders: [p("uk.d.steps", "Describe the steps taken to assess and manage each flagged risk (engagement, corrective action, exit), and any cases identified.")]),
        StatementSection(
          regime: .uk, provision: "s.54(5)(e)", title: "Effectiveness, measured against performance indicators",
          figures: change + ["coverage_kpis"],
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
    case .au:
      return [
        StatementSection(
          regime: .au, provision: "s.16(1)(a)", title: "Identify the reporting entity",
          figures: ["organisation"],
          placeholders: [p("au.a.entity", "Legal name, ABN/ACN, reporting period, and any entities covered by a joint statement.")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(b)", title: "Structure, operations and supply chains",
          figures: ["structure", "ownership"],
          placeholders: [p("au.b.structure", "Describe the structure and operations (sites, workforce, owned and controlled entities).")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(c)", title: "Modern slavery risks in operations and supply chains (and those of owned or controlled entities)",
          figures: ["focus_exposure", "risk_sources", "flagged"],
          placeholders: [p("au.c.risks", "Describe risks in the organisation's own operations and in owned or controlled entities, which these figures do not cover.")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(d)", title: "Actions taken to assess and address risks, including due diligence and remediation",
          figures: ["coverage", "cmrt", "smelters"],
          placeholders: [p("au.d.actions", "Describe the actions taken, due-diligence steps and remediation processes, including for the flagged entities.")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(e)", title: "How the effectiveness of actions is assessed",
          figures: change + ["coverage_kpis"],
          placeholders: [p("au.e.effectiveness", "Explain how effectiveness is assessed and what the year-on-year figures show.")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(f)", title: "Consultation with owned or controlled entities",
          figures: ["ownership"],
          placeholders: [p("au.f.consultation", "Describe the consultation with owned or controlled entities (and, for a joint statement, with the entity giving it).")]),
        StatementSection(
          regime: .au, provision: "s.16(1)(g)", title: "Any other relevant information",
          figures: ["reference_data", "data_quality"],
          placeholders: [p("au.g.other", "Any other information the organisation considers relevant.")]),
        StatementSection(
          regime: .au, provision: "approval", title: "Approval and signature",
          figures: [],
          placeholders: [p("au.approval", "Approval by the principal governing body (date) and signature of a responsible member.")]),
      ]
    }
  }
}

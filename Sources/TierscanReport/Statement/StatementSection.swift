/// One section of the statement pack, keyed to a statutory provision: the figures that support
/// it (keys into `statement.json`'s `figures`) and what only the organisation can write.
public struct StatementSection: Sendable, Hashable {
  /// Text the organisation must write; never filled in by tierscan.
  public struct Placeholder: Sendable, Hashable {
    /// Stable id, e.g. `uk.policies`.
    public var id: String
    /// A short prompt saying what belongs here.
    public var prompt: String

    /// Creates a placeholder.
    public init(id: String, prompt: String) {
      self.id = id
      self.prompt = prompt
    }
  }

  public var regime: StatementRegime
  /// e.g. `s.54(5)(a)`.
  public var provision: String
  public var title: String
  /// The figures that support it, in display order.
  public var figures: [StatementFigure]
  public var placeholders: [Placeholder]

  /// Creates a section.
  public init(
    regime: StatementRegime, provision: String, title: String, figures: [StatementFigure], placeholders: [Placeholder]
  ) {
    self.regime = regime
    self.provision = provision
    self.title = title
    self.figures = figures
    self.placeholders = placeholders
  }

  /// The heading label: the regime's label and the provision, e.g. `UK s.54(5)(a)`.
  public var label: String { "\(regime.sectionLabel) \(provision)" }
}

/// A statutory (or voluntary) reporting regime the statement pack can be laid out for: its
/// title, the label its sections are headed with, and its sections (``sections(hasPrevious:)``).
///
/// Adding a regime means adding a case here and its sections in a `StatementRegime+X.swift` file;
/// the renderers iterate regimes and sections and never branch on a particular regime.
public enum StatementRegime: String, Sendable, Hashable, CaseIterable, Comparable {
  /// UK Modern Slavery Act 2015, s.54(5)(a)–(f) and s.54(6) approval.
  case uk
  /// Australian Modern Slavery Act 2018, s.16(1)(a)–(g) and approval.
  case au
  /// Canada's Fighting Against Forced Labour and Child Labour in Supply Chains Act (S-211):
  /// s.11(1) steps, s.11(3)(a)–(g), approval; plus the questionnaire answer sheet.
  case ca
  /// The joint UK/Australia/Canada international reporting template (Version 1, July 2025):
  /// its seven areas.
  case intl

  /// The heading of the regime's part of `statement.md`.
  public var title: String {
    switch self {
    case .uk: "UK Modern Slavery Act 2015, section 54"
    case .au: "Australian Modern Slavery Act 2018, section 16"
    case .ca: "Canada, Fighting Against Forced Labour and Child Labour in Supply Chains Act (S-211), section 11"
    case .intl: "International reporting template on modern slavery, forced labour and child labour (UK, Australia, Canada; Version 1, July 2025)"
    }
  }

  /// A short citation of the law, e.g. `UK MSA 2015 s.54` (the HTML page's subtitle).
  public var citation: String {
    switch self {
    case .uk: "UK MSA 2015 s.54"
    case .au: "AU MSA 2018 s.16"
    case .ca: "CA S-211 s.11"
    case .intl: "International reporting template v1"
    }
  }

  /// The label a section heading starts with, before its provision, e.g. `UK` in `UK s.54(5)(a)`.
  public var sectionLabel: String {
    switch self {
    case .uk: "UK"
    case .au: "AU"
    case .ca: "CA S-211"
    case .intl: "INTL template"
    }
  }

  /// The regime's sections in statutory order.
  ///
  /// - Parameter hasPrevious: whether a ``StatementFigure/change`` figure exists (`--previous`).
  public func sections(hasPrevious: Bool) -> [StatementSection] {
    switch self {
    case .uk: Self.ukSections(hasPrevious: hasPrevious)
    case .au: Self.auSections(hasPrevious: hasPrevious)
    case .ca: Self.caSections(hasPrevious: hasPrevious)
    case .intl: Self.intlSections(hasPrevious: hasPrevious)
    }
  }

  /// Declaration order (UK first).
  public static func < (lhs: StatementRegime, rhs: StatementRegime) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

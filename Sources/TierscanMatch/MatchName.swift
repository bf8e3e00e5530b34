/// A name prepared for fuzzy comparison by ``MatchNameParser``: folded to lower-case ASCII, split
/// into words, with legal forms and bracketed qualifiers taken out and kept apart.
public struct MatchName: Sendable, Hashable {
  /// The distinctive words, in name order: no legal form, no bracketed part; `&` became `and`.
  public var tokens: [String]
  /// Words inside brackets — usually a place (`Jung Myung Textile (Shaowu) Co.` → `shaowu`).
  public var qualifiers: [String]
  /// Legal forms found and removed, each as its words joined by spaces (`sa de cv`, `co`, `ltd`).
  public var legalForms: [String]

  /// Creates a prepared name.
  public init(tokens: [String], qualifiers: [String] = [], legalForms: [String] = []) {
    self.tokens = tokens
    self.qualifiers = qualifiers
    self.legalForms = legalForms
  }

  /// The core name: ``tokens`` joined by single spaces.
  public var core: String { tokens.joined(separator: " ") }

  /// The words that contain a digit (`unit 2`, `factory no 3`): differing numbers tell units apart.
  public var numbers: [String] { tokens.filter { $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } } }

  /// Whether nothing distinctive is left (a name of legal forms and punctuation only).
  public var isEmpty: Bool { tokens.isEmpty && qualifiers.isEmpty }
}

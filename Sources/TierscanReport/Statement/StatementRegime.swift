/// Which statutory regime the statement pack is laid out for.
public enum StatementRegime: String, Sendable, Hashable, CaseIterable {
  /// UK Modern Slavery Act 2015, s.54(5)(a)–(f).
  case uk
  /// Australian Modern Slavery Act 2018, s.16(1)(a)–(g).
  case au
  /// Both, UK first.
  case both

  /// The regimes to render, in order.
  public var regimes: [StatementRegime] { self == .both ? [.uk, .au] : [self] }
}

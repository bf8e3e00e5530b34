import Foundation

/// The set of regimes one statement pack is written for (`--regime uk,au`), always rendered in
/// declaration order (UK first) whatever order they were given in.
public struct StatementRegimes: Sendable, Hashable, ExpressibleByArrayLiteral {
  /// The regimes, sorted, without duplicates; never empty.
  public let regimes: [StatementRegime]

  /// UK and AU: what `--regime both` has always meant (and the default).
  public static let both: StatementRegimes = [.uk, .au]

  /// A set of regimes; an empty list means ``both``.
  public init(_ regimes: [StatementRegime]) {
    let sorted = Set(regimes).sorted()
    self.regimes = sorted.isEmpty ? Self.both.regimes : sorted
  }

  public init(arrayLiteral elements: StatementRegime...) { self.init(elements) }

  /// Parses a comma-separated list of regime names (`uk`, `au`, …), where `both` stands for
  /// `uk,au` and `all` for every regime; `nil` when a name is unknown or the list is empty.
  public init?(parsing text: String) {
    var regimes: [StatementRegime] = []
    let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    for name in names {
      switch name {
      case "both": regimes += Self.both.regimes
      case "all": regimes += StatementRegime.allCases
      default:
        guard let regime = StatementRegime(rawValue: name) else { return nil }
        regimes.append(regime)
      }
    }
    guard !regimes.isEmpty else { return nil }
    self.init(regimes)
  }

  /// Every section of every regime, in order.
  ///
  /// - Parameter hasPrevious: whether a ``StatementFigure/change`` figure exists (`--previous`).
  public func sections(hasPrevious: Bool) -> [StatementSection] {
    regimes.flatMap { $0.sections(hasPrevious: hasPrevious) }
  }
}

/// The answers to Declaration questions 1–8 for one metal (6.x: Q1 D26–D29 … Q8 D68–D71, one
/// row per metal in the order tantalum, tin, gold, tungsten).
public struct CMRTMetalAnswers: Sendable, Hashable {
  public var metal: CMRTMetal
  /// Answers to questions 1…8 at indices 0…7, trimmed; `nil` when blank. Q6's number `1`
  /// (6.01–6.22, a percentage cell) reads as `100%`.
  public var answers: [String?]

  /// Creates the answers of one metal.
  public init(metal: CMRTMetal, answers: [String?]) {
    self.metal = metal
    self.answers = answers
  }

  /// The answer to question `number` (1…8), or `nil`.
  public func answer(_ number: Int) -> String? {
    guard number >= 1, number <= answers.count else { return nil }
    return answers[number - 1]
  }

  /// Q1 = `Yes`: the metal is intentionally added or used.
  public var isUsed: Bool? {
    switch answer(1)?.lowercased() {
    case "yes": true
    case "no": false
    default: nil
    }
  }
}

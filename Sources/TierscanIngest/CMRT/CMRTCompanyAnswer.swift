/// A company-level question A–H (6.x: D75, D77, … D89) with its comment (G column).
public struct CMRTCompanyAnswer: Sendable, Hashable {
  /// `A` … `H`.
  public var question: String
  public var answer: String?
  public var comment: String?

  /// Creates an answer.
  public init(question: String, answer: String?, comment: String?) {
    self.question = question
    self.answer = answer
    self.comment = comment
  }
}

import TierscanCore
import TierscanIngest

/// How old the smelter status data is: the `as_of` dates of the status reference rows, against
/// the period end. Status lists change monthly; a statement must say what date its smelter
/// statuses describe, and that it does not know when the reference gives no date.
public struct SmelterStatusAge: Sendable, Hashable {
  /// Reference rows with a status.
  public var rows: Int
  /// Of ``rows``, those with an `as_of` date.
  public var dated: Int
  public var oldest: ISODate?
  public var newest: ISODate?
  /// The date the statement is judged at (the period end), when known.
  public var periodEnd: ISODate?

  /// Days from ``oldest`` to ``periodEnd`` (negative when the reference is dated after it).
  public var oldestAgeDays: Int? { oldest.flatMap { o in periodEnd.map { o.days(to: $0) } } }
  /// Days from ``newest`` to ``periodEnd``.
  public var newestAgeDays: Int? { newest.flatMap { n in periodEnd.map { n.days(to: $0) } } }

  /// Reads the dates of `references` (rows without a status, such as look-up entries, ignored).
  public init(references: [SmelterReference], periodEnd: ISODate?) {
    let withStatus = references.filter { $0.status != nil }
    let dates = withStatus.compactMap(\.asOf)
    rows = withStatus.count
    dated = dates.count
    oldest = dates.min()
    newest = dates.max()
    self.periodEnd = periodEnd
  }

  /// One sentence for the statement.
  public var sentence: String {
    guard rows > 0 else { return "Smelter status data: no status reference among the inputs (smelter status unassessed)." }
    guard let oldest, let newest else {
      return "Smelter status data: the reference gives no as_of date for any of its \(rows) row(s), so the age of the statuses is unknown."
    }
    var out = "Smelter status data as of " + (oldest == newest ? "\(oldest)" : "\(oldest) to \(newest)")
    if let periodEnd, let old = oldestAgeDays, let new = newestAgeDays {
      out += old == new ? " (\(old) day(s) before the period end \(periodEnd))" : " (\(new) to \(old) day(s) before the period end \(periodEnd))"
    }
    out += dated < rows ? "; \(rows - dated) of \(rows) reference row(s) give no date." : "."
    return out
  }
}

/// What reading one input file produced, for `validate`'s per-file line and the accounting
/// invariant: `recordsRead == recordsAccepted + recordsRejected`.
public struct InputFileSummary: Sendable, Hashable {
  public var path: String
  public var kind: InputKind
  /// Data records seen (CSV data rows, XML elements that create records, workbook rows).
  public var recordsRead: Int
  /// Records that became entities, relationships, list entries or references.
  public var recordsAccepted: Int
  /// Records rejected with an error finding.
  public var recordsRejected: Int

  /// Creates a summary.
  public init(path: String, kind: InputKind, recordsRead: Int = 0, recordsAccepted: Int = 0, recordsRejected: Int = 0) {
    self.path = path
    self.kind = kind
    self.recordsRead = recordsRead
    self.recordsAccepted = recordsAccepted
    self.recordsRejected = recordsRejected
  }
}

import TierscanCore

/// Why the CSV reader rejected one record (model §5: broken quoting and invalid UTF-8 are errors).
///
/// Each case carries the 1-based physical line on which the rejected record starts. The reader
/// keeps going after every case except ``unterminatedQuote(line:)``, which consumes the rest of
/// the file.
public enum CSVReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A quoted field is still open at the end of the file.
  case unterminatedQuote(line: Int)
  /// A quote inside an unquoted field, or text after a closing quote.
  case brokenQuoting(line: Int)
  /// A field is not valid UTF-8.
  case invalidUTF8(line: Int)
  /// A NUL byte inside the record.
  case nulByte(line: Int)
  /// A field longer than ``IngestLimits/maxFieldBytes``.
  case fieldTooLong(line: Int, limit: Int)
  /// A record longer than ``IngestLimits/maxRecordBytes``.
  case recordTooLong(line: Int, limit: Int)

  /// The line on which the rejected record starts.
  public var line: Int {
    switch self {
    case .unterminatedQuote(let line), .brokenQuoting(let line), .invalidUTF8(let line), .nulByte(let line),
      .fieldTooLong(let line, _), .recordTooLong(let line, _):
      line
    }
  }

  /// The finding rule id for this problem.
  public var rule: FindingRule {
    switch self {
    case .unterminatedQuote: .unterminatedQuote
    case .brokenQuoting: .brokenQuoting
    case .invalidUTF8: .invalidUtf8
    case .nulByte: .nulByte
    case .fieldTooLong: .fieldTooLong
    case .recordTooLong: .recordTooLong
    }
  }

  /// A one-line explanation, used as the finding message.
  public var description: String {
    switch self {
    case .unterminatedQuote: "quoted field not closed before the end of the file; record rejected"
    case .brokenQuoting: "quote inside an unquoted field or text after a closing quote; record rejected"
    case .invalidUTF8: "field is not valid UTF-8; record rejected"
    case .nulByte: "NUL byte in record; record rejected"
    case .fieldTooLong(_, let limit): "field longer than maxFieldBytes (\(limit) bytes); record rejected"
    case .recordTooLong(_, let limit): "record longer than maxRecordBytes (\(limit) bytes); record rejected"
    }
  }
}

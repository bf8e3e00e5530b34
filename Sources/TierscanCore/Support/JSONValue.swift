/// A JSON value whose objects keep their key order, so written JSON is deterministic.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Keys in insertion order (the writer does not sort them).
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case let (.bool(a), .bool(b)): a == b
    case let (.number(a), .number(b)): a == b
    case let (.string(a), .string(b)): a.utf8Equals(b)
    case let (.array(a), .array(b)): a == b
    case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n): hasher.combine(n)
    case .string(let s): hasher.combine(RawKey(s))
    case .array(let a): hasher.combine(a)
    case .object(let o):
      for (k, v) in o {
        hasher.combine(k)
        hasher.combine(v)
      }
    }
  }

  /// The value for `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// The string payload, if any.
  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  /// The number payload, if any.
  public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
  /// The array payload, if any.
  public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
  /// The object payload, if any.
  public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { o } else { nil } }
  /// The bool payload, if any.
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
}

extension JSONValue {
  /// Convenience for optional strings: `nil` becomes `null`.
  public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  /// Convenience for optional numbers: `nil` becomes `null`.
  public static func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
  /// Convenience for optional integers: `nil` becomes `null`.
  public static func optional(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
}

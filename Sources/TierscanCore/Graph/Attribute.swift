/// A free-form key/value pair kept from an unknown column or XML attribute.
///
/// Attributes are kept as an ordered list (input column order), never a `Dictionary`,
/// so they reach outputs in a deterministic order.
public struct Attribute: Sendable, Hashable, Codable {
  /// Column or attribute name (lower-cased for CSV headers).
  public var key: String
  /// The value as read, trimmed.
  public var value: String

  /// Creates an attribute.
  public init(_ key: String, _ value: String) {
    self.key = key
    self.value = value
  }
}

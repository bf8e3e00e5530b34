import TierscanCore

/// A configuration as a run uses it: the parsed settings, the SHA-256 of the file as given (for
/// the manifest) and the effective configuration as canonical JSON.
public struct LoadedRiskConfig: Sendable {
  public let config: RiskConfig
  /// Lower-case hex SHA-256 of the file's bytes, or of ``DefaultRiskConfig/json`` without a file.
  public let sha256: String
  /// Defaults merged with the file, in default key order, two-space indent, shortest numbers.
  public let canonicalJSON: String

  /// Loads a configuration file's bytes, or the shipped defaults when `bytes` is `nil`.
  ///
  /// - Throws: ``RiskConfigError``; syntax errors carry line and column.
  public init(bytes: [UInt8]?) throws(RiskConfigError) {
    let given = bytes ?? Array(DefaultRiskConfig.json.utf8)
    self.config = try RiskConfig.parse(bytes: given)
    self.sha256 = SHA256.hexDigest(of: given)
    self.canonicalJSON = try RiskConfig.effectiveJSON(bytes: given)
  }
}

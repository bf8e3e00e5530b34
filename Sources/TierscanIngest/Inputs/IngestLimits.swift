import TierscanCore

/// Resource limits applied while reading untrusted inputs. Exceeding one is an error finding
/// that names the limit, never a crash or an out-of-memory.
public struct IngestLimits: Sendable, Hashable {
  /// Longest CSV field, in bytes.
  public var maxFieldBytes: Int = 1 << 20
  /// Longest CSV record (all fields and separators), in bytes.
  public var maxRecordBytes: Int = 4 << 20
  /// Deepest XML element nesting (libxml2's own default is 256).
  public var maxXMLDepth: Int = 256
  /// Most attributes (namespace declarations included) on one XML element.
  public var maxXMLAttributes: Int = 256
  /// Largest inflated size of one XLSX part, in bytes.
  public var maxInflatedBytes: Int = 256 << 20
  /// Largest inflated/compressed ratio of one XLSX part.
  public var maxInflateRatio: Int = 200
  /// JSON interchange inputs (OMTS, BODS, FtM): deepest nesting, longest string, largest file.
  public var json = JSONLimits(maxDepth: 64, maxStringBytes: 1 << 20, maxDocumentBytes: 2 << 30)

  /// The default limits.
  public init() {}
}

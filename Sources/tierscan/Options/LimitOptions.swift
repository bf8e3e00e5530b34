import ArgumentParser
import TierscanIngest

/// Resource limits for reading untrusted inputs, shared by every command that reads inputs
/// (docs/reliability.md). Exceeding one is an error finding naming the limit.
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-field-bytes"), help: "Longest CSV field, in bytes.")
  var maxFieldBytes: Int = IngestLimits().maxFieldBytes

  @Option(name: .customLong("max-record-bytes"), help: "Longest CSV record, in bytes.")
  var maxRecordBytes: Int = IngestLimits().maxRecordBytes

  @Option(name: .customLong("max-xml-depth"), help: "Deepest XML element nesting.")
  var maxXMLDepth: Int = IngestLimits().maxXMLDepth

  @Option(name: .customLong("max-xml-attributes"), help: "Most attributes on one XML element.")
  var maxXMLAttributes: Int = IngestLimits().maxXMLAttributes

  @Option(name: .customLong("max-inflated-bytes"), help: "Largest inflated size of one XLSX part, in bytes.")
  var maxInflatedBytes: Int = IngestLimits().maxInflatedBytes

  @Option(name: .customLong("max-inflate-ratio"), help: "Largest inflated/compressed size ratio of one XLSX part.")
  var maxInflateRatio: Int = IngestLimits().maxInflateRatio

  @Option(
    name: .customLong("max-json-depth"),
    help: "Deepest nesting of arrays and objects in a JSON interchange input (OMTS, BODS, FtM).")
  var maxJSONDepth: Int = IngestLimits().json.maxDepth

  @Option(
    name: .customLong("max-json-string-bytes"),
    help: "Longest string (key or value) in a JSON interchange input, in UTF-8 bytes after unescaping.")
  var maxJSONStringBytes: Int = IngestLimits().json.maxStringBytes

  func validate() throws {
    let values = [
      ("--max-field-bytes", maxFieldBytes), ("--max-record-bytes", maxRecordBytes), ("--max-xml-depth", maxXMLDepth),
      ("--max-xml-attributes", maxXMLAttributes),
      ("--max-inflated-bytes", maxInflatedBytes), ("--max-inflate-ratio", maxInflateRatio),
      ("--max-json-depth", maxJSONDepth), ("--max-json-string-bytes", maxJSONStringBytes),
    ]
    for (name, value) in values where value < 1 { throw ValidationError("\(name) must be a positive integer.") }
  }

  /// The limits as given.
  var limits: IngestLimits {
    var limits = IngestLimits()
    limits.maxFieldBytes = maxFieldBytes
    limits.maxRecordBytes = maxRecordBytes
    limits.maxXMLDepth = maxXMLDepth
    limits.maxXMLAttributes = maxXMLAttributes
    limits.maxInflatedBytes = maxInflatedBytes
    limits.maxInflateRatio = maxInflateRatio
    limits.json.maxDepth = maxJSONDepth
    limits.json.maxStringBytes = maxJSONStringBytes
    return limits
  }
}

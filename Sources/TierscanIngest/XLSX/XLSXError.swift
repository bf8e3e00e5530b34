import TierscanCore

/// Why a workbook package could not be read. Each case maps to an error finding with a stable
/// rule id; none of them is ever a crash.
enum XLSXError: Error, Equatable, CustomStringConvertible {
  /// The file is not a zip archive (or its central directory is unreadable).
  case notAZip
  /// An entry's declared or actual inflated size exceeds the limit, or its ratio is too high.
  case zipBomb(entry: String, detail: String)
  /// An entry name that could escape an extraction directory (`..`, leading `/`).
  case unsafeEntryName(String)
  /// A required package part is missing.
  case missingPart(String)
  /// A part could not be inflated (bad CRC, truncated data).
  case corruptPart(part: String, detail: String)
  /// A part is not well-formed XML.
  case malformedXML(part: String, line: Int)
  /// A part carries a document type declaration, which is refused.
  case doctype(part: String)

  /// The finding rule id for this error.
  var rule: FindingRule {
    switch self {
    case .notAZip: .notAZip
    case .zipBomb: .zipBomb
    case .unsafeEntryName: .unsafeZipEntry
    case .missingPart: .missingPart
    case .corruptPart: .corruptPart
    case .malformedXML: .malformedXml
    case .doctype: .doctypeRefused
    }
  }

  var description: String {
    switch self {
    case .notAZip: "not a zip archive: an .xlsx workbook is a zip package"
    case .zipBomb(let entry, let detail): "zip entry \(entry) refused as a zip bomb: \(detail)"
    case .unsafeEntryName(let name): "zip entry name \(name) is unsafe (contains .. or starts with /)"
    case .missingPart(let part): "workbook part \(part) is missing"
    case .corruptPart(let part, let detail): "workbook part \(part) could not be inflated: \(detail)"
    case .malformedXML(let part, let line): "workbook part \(part) is not well-formed XML (line \(line))"
    case .doctype(let part): "workbook part \(part) has a document type declaration, which is refused"
    }
  }
}

import CLibXML2
import Foundation

/// The shipped XSD for `urn:tierscan:disclosure:1` (`Resources/disclosure-1.xsd`), parsed once.
///
/// A parsed `xmlSchema` is read-only while documents are validated against it (each validation
/// has its own `xmlSchemaValidCtxt`, created by `xmlTextReaderSetSchema`), so one instance is
/// shared by every reader; that is why the wrapper is `@unchecked Sendable`.
final class DisclosureSchema: @unchecked Sendable {
  /// The namespace the schema describes.
  static let namespace = "urn:tierscan:disclosure:1"

  /// The parsed schema, or `nil` when the resource is missing or does not parse.
  static let shared: DisclosureSchema? = load()

  let pointer: xmlSchemaPtr

  private init(pointer: xmlSchemaPtr) {
    self.pointer = pointer
  }

  deinit {
    xmlSchemaFree(pointer)
  }

  /// The XSD text as shipped.
  static func source() -> Data? {
    guard let url = Bundle.module.url(forResource: "disclosure-1", withExtension: "xsd", subdirectory: "Resources")
    else { return nil }
    return try? Data(contentsOf: url)
  }

  private static func load() -> DisclosureSchema? {
    guard let data = source() else { return nil }
    return data.withUnsafeBytes { raw -> DisclosureSchema? in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
        let context = xmlSchemaNewMemParserCtxt(base, Int32(raw.count))
      else { return nil }
      defer { xmlSchemaFreeParserCtxt(context) }
      // The schema is ours; keep libxml2 from printing anything should it ever fail.
      xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
      guard let schema = xmlSchemaParse(context) else { return nil }
      return DisclosureSchema(pointer: schema)
    }
  }
}

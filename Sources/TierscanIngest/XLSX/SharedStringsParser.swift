import Foundation

/// Reads the shared-string table (`xl/sharedStrings.xml`), keeping only the indices asked for.
///
/// An item is `<si><t>…</t></si>` or rich text `<si><r><rPr/><t>…</t></r>…</si>`; runs are
/// concatenated. Phonetic guides (`<rPh>`, used in Japanese workbooks) are not part of the text.
enum SharedStringsParser {
  /// The strings at `indices`.
  static func strings(of data: Data, part: String, indices: Set<Int>) throws(XLSXError) -> [Int: String] {
    guard let last = indices.max() else { return [:] }
    return try XMLPartReader.parse(data, part: part) { (reader) throws(XLSXError) in
      var result: [Int: String] = [:]
      var index = -1
      while try reader.read() {
        guard reader.isStartElement, reader.hasLocalName("si") else { continue }
        index += 1
        if reader.isEmptyElement {
          if indices.contains(index) { result[index] = "" }
        } else if indices.contains(index) {
          result[index] = try reader.readElementText(skipping: "rPh")
        } else {
          _ = try reader.readElementText()
        }
        if index >= last { break }
      }
      return result
    }
  }
}

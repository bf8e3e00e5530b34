import Foundation
import TierscanCore

/// Maps English country names to ISO 3166-1 alpha-2 codes through the platform's region data
/// (Foundation `Locale.Region.isoRegions` named by `Locale(identifier: "en_US")`), plus the
/// editable aliases shipped in `ilab-goods-mapping.json` for official spellings the region
/// names miss (`Congo, Democratic Republic of the`, `Kyrgyz Republic`).
///
/// Names compare after folding case and diacritics, unifying apostrophes, and reducing every
/// other punctuation to spaces. A name such as `Myanmar (Burma)` is indexed in full, without the
/// parenthesis and as the parenthesis alone; so is a name looked up (`Turkey (Türkiye)`), and
/// `Korea, South` is also tried as `South Korea`.
struct CountryNameResolver: Sendable {
  private let codeOfKey: [String: String]

  /// Builds the table from the region data and `aliases` (alias spellings win).
  init(aliases: [(name: String, code: String)]) {
    var table: [String: String] = [:]
    for alias in aliases where CountryCode.assigned.contains(alias.code) {
      for key in Self.keys(for: alias.name) where table[key] == nil { table[key] = alias.code }
    }
    let english = Locale(identifier: "en_US")
    let codes = Locale.Region.isoRegions.map(\.identifier).filter { CountryCode.assigned.contains($0) }.sorted()
    for code in codes {
      guard let name = english.localizedString(forRegionCode: code) else { continue }
      for key in Self.keys(for: name) where table[key] == nil { table[key] = code }
    }
    codeOfKey = table
  }

  /// The alpha-2 code for `name`, or `nil` when no spelling matches.
  func code(for name: String) -> String? {
    for key in Self.keys(for: name) {
      if let code = codeOfKey[key] { return code }
    }
    return nil
  }

  /// The lookup keys of a name, most specific first.
  static func keys(for name: String) -> [String] {
    var variants = [name]
    if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
      variants.append(String(name[..<open]) + String(name[name.index(after: close)...]))
      variants.append(String(name[name.index(after: open)..<close]))
    }
    let parts = name.split(separator: ",", maxSplits: 1)
    if parts.count == 2 { variants.append(parts[1] + " " + parts[0]) }
    var keys: [String] = []
    for variant in variants {
      let key = normalise(variant)
      if !key.isEmpty && !keys.contains(key) { keys.append(key) }
    }
    return keys
  }

  private static func normalise(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var text = ""
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "\u{2019}", "\u{2018}", "'", "`": text.unicodeScalars.append("'")
      case "&": text += " and "
      case "." : continue
      default:
        text.unicodeScalars.append(CharacterSet.alphanumerics.contains(scalar) ? scalar : " ")
      }
    }
    var words = text.split(separator: " ").map(String.init)
    if words.first == "the" { words.removeFirst() }
    return words.joined(separator: " ")
  }
}

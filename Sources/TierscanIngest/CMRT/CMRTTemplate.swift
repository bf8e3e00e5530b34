import Foundation

/// Which RMI template a workbook is and which cell layout applies, from the `Revision` sheet
/// title (B3, English in every language setting), the Declaration title (D2) and the version
/// text in `Declaration!J3` (fallbacks: `Smelter List!Q3`, then `O3` for 2.x).
struct CMRTTemplate: Equatable {
  enum Family: String, Equatable {
    case cmrt = "CMRT"
    case emrt = "EMRT"
  }

  /// The cell layout to read.
  enum Layout: Equatable {
    /// CMRT 6.x: everything in domain.md §1.
    case cmrt6
    /// CMRT 3.x–5.x: company name and Smelter List rows (columns as 6.x; R–T from 5.x).
    case cmrt3to5(hasHiddenColumns: Bool)
    /// CMRT 2.x: company name and Smelter List rows (B–O, no source-of-ID or recycled column).
    case cmrt2
    /// EMRT 1.x–2.x: company name, scope and Smelter List rows (columns as CMRT 6.x).
    case emrt
  }

  var family: Family
  /// The version text, e.g. `6.4`, `2.03a`.
  var version: String
  var layout: Layout

  /// Extracts the version number that follows `Revision` in a J3/Q3 text such as
  /// `Revision 6.4\nApril 26, 2024` or `Revision 2.03a July 25th 2013`.
  static func version(in text: String) -> String? {
    guard let range = text.range(of: "revision", options: .caseInsensitive) else { return nil }
    var version = ""
    var index = range.upperBound
    while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
    while index < text.endIndex {
      let character = text[index]
      if character.isASCII && (character.isNumber || character == ".") {
        version.append(character)
      } else if character.isASCII && character.isLetter && !version.isEmpty
        && version.last != "." && version.last?.isLetter != true
      {
        version.append(character)
        break
      } else {
        break
      }
      index = text.index(after: index)
    }
    while version.hasSuffix(".") { version.removeLast() }
    guard let first = version.first, first.isNumber else { return nil }
    return version
  }

  /// The family named by a title text, if any.
  static func family(inTitle text: String) -> Family? {
    let lower = text.lowercased()
    if lower.contains("emrt") || lower.contains("extended mineral") { return .emrt }
    if lower.contains("cmrt") || lower.contains("conflict minerals reporting") { return .cmrt }
    return nil
  }

  /// Whether a title names another RMI template that tierscan does not read (CRT, AMRT).
  static func isOtherTemplate(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.contains("amrt") || lower.contains("crt)") || lower.contains("cobalt reporting")
      || lower.contains("minerals reporting template") && !lower.contains("conflict")
  }

  /// The layout for a family and version, or `nil` when the version is not supported.
  static func layout(family: Family, version: String) -> Layout? {
    let major = Int(version.prefix { $0.isNumber }) ?? -1
    switch family {
    case .emrt: return major == 1 || major == 2 ? .emrt : nil
    case .cmrt:
      switch major {
      case 6: return .cmrt6
      case 5: return .cmrt3to5(hasHiddenColumns: true)
      case 3, 4: return .cmrt3to5(hasHiddenColumns: false)
      case 2: return .cmrt2
      default: return nil
      }
    }
  }
}

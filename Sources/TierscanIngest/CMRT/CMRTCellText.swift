import Foundation

/// How CMRT cells become field values: text trimmed of spaces, tabs and line breaks; blank
/// means `nil`. In optional columns a `0` (number or text) and error values such as `#N/A`
/// are placeholders and read as blank too.
enum CMRTCellText {
  /// The trimmed text of a cell, or `nil` when blank or an error value.
  static func text(_ value: CellValue?) -> String? {
    guard let value else { return nil }
    if case .error = value { return nil }
    let trimmed = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Like ``text(_:)``, but `0` and `#N/A`-style placeholders are blank.
  static func optional(_ value: CellValue?) -> String? {
    guard let text = text(value) else { return nil }
    return isPlaceholder(text) ? nil : text
  }

  /// Whether a trimmed text is a placeholder: `0`, or an Excel error text such as `#N/A`.
  static func isPlaceholder(_ text: String) -> Bool {
    if text == "0" || text == "0.0" { return true }
    return text.hasPrefix("#") && (text.hasSuffix("!") || text.hasSuffix("?") || text == "#N/A")
  }

  /// The raw stored text of a non-empty cell (untrimmed), for evidence.
  static func raw(_ value: CellValue?) -> String? {
    guard let value else { return nil }
    let text = value.text
    return text.isEmpty ? nil : text
  }
}

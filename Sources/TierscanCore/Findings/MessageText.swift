/// Makes text safe to print on one line of a terminal or log: every finding line and every
/// error message tierscan writes to stderr goes through it (docs/reliability.md, "Output honesty").
///
/// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators are escaped
/// (`\n`, `\r`, `\t`, `\u{1B}`), so a crafted cell can neither start a forged finding line nor
/// send terminal escape sequences; text longer than ``maxCharacters`` is cut, saying how much was
/// left out.
public enum MessageText {
  /// The longest message printed, in characters (an unknown config key of 100 MB is then a
  /// 4,000-character line, not 100 MB of stderr). `quality.json` keeps messages whole, JSON-escaped.
  public static let maxCharacters = 4_000

  /// `text` escaped and cut at `limit` characters.
  public static func printable(_ text: String, limit: Int = maxCharacters) -> String {
    var needsWork = text.utf8.count > limit
    if !needsWork {
      for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
        needsWork = true
        break
      }
    }
    guard needsWork else { return text }
    var out = ""
    var count = 0
    var left = 0
    for scalar in text.unicodeScalars {
      if count >= limit {
        left += 1
        continue
      }
      count += 1
      switch scalar.value {
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    if left > 0 { out += "… (\(left) more characters)" }
    return out
  }
}

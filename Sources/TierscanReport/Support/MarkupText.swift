/// Escaping for the markup tierscan writes: HTML/SVG (the statement report) and XML 1.0
/// (GraphML). Both turn `&`, `<`, `>`, `"`, `'` into entities; they differ only in whitespace and
/// control characters.
public enum MarkupText {
  /// For HTML and SVG text and attribute values: tab and line breaks kept as they are, other C0
  /// controls and DEL dropped.
  public static func html(_ text: String) -> String {
    escape(text) { scalar, out in
      switch scalar {
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default: if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
      }
    }
  }

  /// For XML 1.0 text and attribute values: tab, LF and CR as character references so attribute
  /// values keep them; characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.
  public static func xml(_ text: String) -> String {
    escape(text) { scalar, out in
      switch scalar {
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
  }

  /// `text` cut to `limit` characters with an ellipsis (before escaping).
  static func truncated(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// The five markup characters as entities; every other scalar goes through `other`.
  private static func escape(_ text: String, other: (Unicode.Scalar, inout String) -> Void) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: other(scalar, &out)
      }
    }
    return out
  }
}

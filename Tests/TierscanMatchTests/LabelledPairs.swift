import Foundation

/// The committed labelled pair set and facility extract (Tests/Fixtures/er; built by
/// Scripts/er/build_labelled_pairs.py from the real Open Supply Hub lists, MIT).
enum LabelledPairs {
  struct Facility {
    var ref: String
    var country: String
    var name: String
    var address: String
  }

  struct Pair {
    var left: Facility
    var right: Facility
    /// `same`, `different` or `unsure` (excluded: the address cannot settle it).
    var label: String
    var how: String
    var isSame: Bool { label == "same" }
    var isDifferent: Bool { label == "different" }
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/er")

  static func rows(_ file: String) throws -> [[String]] {
    let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
    return Array(parseCSV(text).dropFirst())
  }

  static func pairs() throws -> [Pair] {
    try rows("osh-pairs.csv").map { r in
      Pair(
        left: Facility(ref: r[0], country: r[1], name: r[2], address: r[3]),
        right: Facility(ref: r[4], country: r[5], name: r[6], address: r[7]), label: r[8], how: r[9])
    }
  }

  static func facilities() throws -> [Facility] {
    try rows("osh-facilities.csv").map { Facility(ref: $0[0], country: $0[1], name: $0[2], address: $0[3]) }
  }

  /// RFC 4180 fields (quotes, doubled quotes, newlines in quotes).
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.unicodeScalars.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" {
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      } else if c != "\r" {
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}

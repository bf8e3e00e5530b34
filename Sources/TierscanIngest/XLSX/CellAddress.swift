/// A cell position: 1-based row and column (`A` = 1).
struct CellAddress: Hashable, Sendable, Comparable {
  var row: Int
  var column: Int

  init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses a reference such as `F12` (an optional `$` before either part is accepted).
  init?(_ reference: String) {
    var column = 0
    var row = 0
    var seenDigit = false
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where !seenDigit:
        column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        seenDigit = true
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
      default: return nil
      }
      if column > 16_384 || row > 1_048_576 { return nil }
    }
    guard column > 0, row > 0 else { return nil }
    self.init(row: row, column: column)
  }

  /// Column letters for a 1-based column index (`1` → `A`, `27` → `AA`).
  static func letters(_ column: Int) -> String {
    var result: [Character] = []
    var remaining = column
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      result.append(Character(Unicode.Scalar(UInt8(65 + digit))))
      remaining = (remaining - 1) / 26
    }
    return String(result.reversed())
  }

  /// The 1-based column index of column letters such as `F`.
  static func column(_ letters: String) -> Int {
    letters.utf8.reduce(0) { $0 * 26 + Int($1 - UInt8(ascii: "A")) + 1 }
  }

  /// The `A1`-style reference.
  var reference: String { CellAddress.letters(column) + String(row) }

  static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

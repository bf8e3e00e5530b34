import Foundation

/// Accent folding of Latin letters without ICU, for the names that need no more: a table from
/// each precomposed Latin letter (Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
/// Additional — `ã`, `Ş`, `Đ`, `ễ` …) to the one ASCII letter that ICU's `Any-Latin; Latin-ASCII`
/// gives for it. The table is built by asking ICU once per letter and keeps only letters whose
/// answer is a single ASCII letter or digit (ligatures such as `Æ` or `ß`, whose answers depend on
/// the next letter's case or are longer, are left to ICU), so a name made only of ASCII and table
/// letters folds exactly as ICU folds it, character by character (Latin text is not changed by
/// `Any-Latin`, and `Latin-ASCII` maps these letters one by one). Every other name goes to ICU.
enum LatinFold {
  /// ASCII byte for each scalar from `first` on, 0 when the scalar is not in the table.
  static let first: UInt32 = 0xA0
  static let last: UInt32 = 0x1EFF
  static let table: [UInt8] = {
    var table = [UInt8](repeating: 0, count: Int(last - first + 1))
    let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
        let text = String(Character(scalar))
        guard let folded = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false),
          folded.utf8.count == 1, let byte = folded.utf8.first,
          (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        else { continue }
        table[Int(value - first)] = byte
      }
    }
    return table
  }()

  /// `name` folded by the table, or `nil` when some character is neither ASCII nor in it.
  static func fold(_ name: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    for scalar in name.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        bytes.append(UInt8(value))
      } else if value >= first, value <= last, case let byte = table[Int(value - first)], byte != 0 {
        bytes.append(byte)
      } else {
        return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

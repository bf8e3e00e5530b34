/// The cells of one CSV line in the tests' fixtures and outputs (RFC 4180: quoted cells may hold
/// commas and doubled quotes; no line breaks inside a cell).
enum CSVLine {
  static func cells(_ line: Substring) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var previous: Character? = nil
    for character in line {
      if character == "\"" {
        if !quoted && previous == "\"" { cell.append("\"") }  // a doubled quote inside a quoted cell
        quoted.toggle()
      } else if character == ",", !quoted {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(character)
      }
      previous = character
    }
    cells.append(cell)
    return cells
  }
}

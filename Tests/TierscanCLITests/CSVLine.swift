/// The cells of one CSV line in the tests' fixtures and outputs (quoted cells may hold commas;
/// no line breaks inside a cell).
enum CSVLine {
  static func cells(_ line: Substring) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == ",", !quoted {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(character)
      }
    }
    cells.append(cell)
    return cells
  }
}

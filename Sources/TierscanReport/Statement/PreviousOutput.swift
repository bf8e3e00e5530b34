import Foundation

/// What a statement's `--previous` compares with: the files of last year's scan or statement
/// output (`exposures.csv` and `coverage.json`; `graph.json` and `statement.json` when present)
/// and the label the pack shows for it.
///
/// Read from an output directory (the label is the directory as given), or built in memory from
/// a workspace period (the label is the period), so both ways feed the same comparison.
public struct PreviousOutput: Sendable {
  /// Shown in the pack ("Change since the previous output (LABEL)") and in `statement.json`'s `previous`.
  public var label: String
  /// The output files by name.
  public var files: [(name: String, bytes: [UInt8])]

  /// Output files held in memory.
  public init(label: String, files: [(name: String, bytes: [UInt8])]) {
    self.label = label
    self.files = files
  }

  /// Reads an output directory: `exposures.csv` and `coverage.json` (required), `graph.json`
  /// and `statement.json` (optional).
  ///
  /// - Throws: ``DiffError`` when the directory or a required file is missing or unreadable.
  public init(directory: String) throws(DiffError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .notADirectory(path: directory)
    }
    var files: [(name: String, bytes: [UInt8])] = []
    for (name, required) in [("exposures.csv", true), ("coverage.json", true), ("graph.json", false), ("statement.json", false)] {
      let path = (directory as NSString).appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: path) else {
        if required { throw .missingFile(directory: directory, name: name) }
        continue
      }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .malformed(file: path, line: nil, message: "cannot read the file")
      }
      files.append((name, Array(data)))
    }
    self.init(label: directory, files: files)
  }
}

import Foundation

/// Paths of the committed fixtures, resolved from this file's location.
enum Fixtures {
  static let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/csv")

  /// Every fixture file below `Tests/Fixtures/csv`, as absolute paths.
  static func allFiles() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: csv.path)
    var files: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = csv.appendingPathComponent(relative).path
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files.append(path)
      }
    }
    return files.sorted()
  }
}

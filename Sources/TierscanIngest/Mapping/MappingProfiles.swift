import Foundation
import TierscanCore

/// The shipped profiles (`Resources/profiles/<name>.json`, docs/mappings.md): mappings for real
/// exports that need no hand-written mapping.
public enum MappingProfiles {
  /// The names of the shipped profiles, sorted.
  public static var names: [String] {
    guard
      let directory = Bundle.module.url(forResource: "os-hub", withExtension: "json", subdirectory: "Resources/profiles")?
        .deletingLastPathComponent(),
      let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return [] }
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// The shipped profile `name`.
  ///
  /// - Throws: ``MappingError`` when no such profile is shipped (listing those that are) or it is invalid.
  public static func profile(_ name: String) throws(MappingError) -> ColumnMapping {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/profiles"),
      let data = try? Data(contentsOf: url)
    else {
      throw MappingError(
        file: "--profile", line: 1, message: "no profile '\(name)'; shipped profiles: \(names.joined(separator: ", "))")
    }
    var mapping = try ColumnMapping.parse(Array(data), name: name)
    mapping.name = name
    return mapping
  }
}

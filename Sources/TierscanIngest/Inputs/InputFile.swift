import Foundation

/// One input file as tierscan names it: the path shown in findings and provenance (the
/// command-line argument, joined with the path below it for directory arguments, never made
/// absolute) and the URL to read it from.
public struct InputFile: Sendable, Hashable {
  /// The path shown in findings, provenance and outputs.
  public var displayPath: String
  /// Where to read the bytes.
  public var url: URL

  /// Creates an input file.
  public init(displayPath: String, url: URL) {
    self.displayPath = displayPath
    self.url = url
  }

  /// An input file read from `path` and shown as `path`.
  public init(path: String) {
    self.init(displayPath: path, url: URL(fileURLWithPath: path))
  }
}

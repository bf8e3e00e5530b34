import Foundation

/// One input file as tierscan names it: the path shown in findings and provenance (the
/// command-line argument, joined with the path below it for directory arguments, never made
/// absolute) and the URL to read it from.
public struct InputFile: Sendable, Hashable {
  /// The path shown in findings, provenance and outputs.
  public var displayPath: String
  /// Where to read the bytes.
  public var url: URL
  /// The device and inode ``InputSet`` saw when it listed the file; reading refuses a file that
  /// was replaced since (`file-changed`). `nil` when the file was not listed by ``InputSet``.
  public var identity: FileIdentity?
  /// Whether the file was found inside a directory argument: then a symbolic link put in its
  /// place after listing is not followed when it is opened.
  public var isInsideDirectory: Bool

  /// Creates an input file.
  public init(displayPath: String, url: URL, identity: FileIdentity? = nil, isInsideDirectory: Bool = false) {
    self.displayPath = displayPath
    self.url = url
    self.identity = identity
    self.isInsideDirectory = isInsideDirectory
  }

  /// An input file read from `path` and shown as `path`.
  public init(path: String, identity: FileIdentity? = nil, isInsideDirectory: Bool = false) {
    self.init(
      displayPath: path, url: URL(fileURLWithPath: path), identity: identity, isInsideDirectory: isInsideDirectory)
  }
}

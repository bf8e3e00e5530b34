/// Resource limits for reading untrusted JSON: exceeding one is a ``JSONParser/ParseError``
/// that names the limit, never a crash, a stack overflow or an out-of-memory.
public struct JSONLimits: Sendable, Hashable {
  /// Deepest nesting of arrays and objects (a nesting bomb stops here, before the stack does).
  public var maxDepth: Int
  /// Longest string (key or value), in UTF-8 bytes after unescaping.
  public var maxStringBytes: Int
  /// Largest document, in bytes (checked by readers before they load a file; a file read through
  /// ``JSONStream`` is never loaded whole and is not bounded by it).
  public var maxDocumentBytes: Int
  /// Largest single value ``JSONStream`` reads at once (one OMTS node or edge), in bytes: the
  /// stream keeps at most about twice this much of the file in memory.
  public var maxValueBytes: Int
  /// Bytes ``JSONStream`` reads from its file at a time; `nil` (the default): the larger of
  /// ``maxValueBytes`` and 64 KiB. A small value makes every value cross refills of the buffer:
  /// the fuzz harness (`Fuzz/`) and tests use it to reach the stream's refill paths.
  public var streamReadBytes: Int?

  /// Creates limits; the defaults suit interchange files (1 MiB strings, 2 GiB documents, 16 MiB
  /// streamed values).
  public init(
    maxDepth: Int = 256, maxStringBytes: Int = 1 << 20, maxDocumentBytes: Int = 2 << 30, maxValueBytes: Int = 16 << 20
  ) {
    self.maxDepth = maxDepth
    self.maxStringBytes = maxStringBytes
    self.maxDocumentBytes = maxDocumentBytes
    self.maxValueBytes = maxValueBytes
    streamReadBytes = nil
  }
}

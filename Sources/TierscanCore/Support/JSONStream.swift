import Foundation

/// A ``JSONParser`` cursor over a file that is read in chunks instead of loaded whole, so a
/// document of any size is read in bounded memory: the stream keeps at most about twice
/// ``JSONLimits/maxValueBytes`` of the file, and each value (one OMTS node or edge) is parsed on
/// its own as with the parser's cursor.
///
/// The cursor methods are the parser's (``beginObject()``, ``nextKey()``, ``beginArray()``,
/// ``nextElement()``, ``readValue()``, ``expectEnd()``), with the parser's errors, lines and
/// columns. Before a value is read the buffer is filled to ``JSONLimits/maxValueBytes`` ahead (or
/// the end of the file); a value longer than that is an error `a JSON value longer than N bytes`.
/// A ``checkpoint()`` taken before a container lets a second stream read that part of the file
/// again (``init(handle:bytes:limits:resuming:)``).
public struct JSONStream {
  /// Where a stream stands in its file: enough to read on from there with a new stream.
  public struct Checkpoint: Sendable, Hashable {
    /// Byte offset in the file.
    public var offset: Int
    /// 1-based line and column of ``offset``.
    public var line: Int
    public var column: Int
    /// Containers open around ``offset``.
    public var depth: Int
  }

  private var parser: JSONParser
  private let handle: FileHandle?
  private var isAtEndOfFile: Bool
  /// File offset of the buffer's first byte.
  private var bufferOffset: Int
  private let limits: JSONLimits
  /// Containers the stream has open (for checkpoints).
  private var depth: Int

  /// A stream over bytes already in memory (the whole document).
  public init(bytes: [UInt8], limits: JSONLimits = JSONLimits()) {
    parser = JSONParser(bytes: bytes, limits: limits)
    handle = nil
    isAtEndOfFile = true
    bufferOffset = 0
    self.limits = limits
    depth = 0
  }

  /// A stream over the file at `path`, from its start.
  ///
  /// - Throws: when the file cannot be opened.
  public init(path: String, limits: JSONLimits = JSONLimits()) throws {
    try self.init(handle: FileHandle(forReadingFrom: URL(fileURLWithPath: path)), limits: limits)
  }

  /// A stream over the file open on `handle`, from its start (the handle is moved there): the
  /// reader that opened and checked the file reads that very file, not whatever its path names
  /// later (docs/reliability.md). The handle stays the caller's.
  ///
  /// - Throws: when the file cannot be read.
  public init(handle: FileHandle, limits: JSONLimits = JSONLimits()) throws {
    try handle.seek(toOffset: 0)
    self.handle = handle
    parser = JSONParser(bytes: [], limits: limits)
    isAtEndOfFile = false
    bufferOffset = 0
    self.limits = limits
    depth = 0
    // The first chunk through the BOM-skipping initialiser.
    let first = try Self.read(handle, count: Self.chunkSize(limits))
    isAtEndOfFile = first.isEmpty
    parser = JSONParser(bytes: first, limits: limits)
  }

  /// A stream that reads `bytes` (or the file at `path`) on from `checkpoint`, taken by another
  /// stream over the same document.
  public init(path: String?, bytes: [UInt8]?, limits: JSONLimits = JSONLimits(), resuming checkpoint: Checkpoint) throws {
    let handle = try bytes == nil ? FileHandle(forReadingFrom: URL(fileURLWithPath: path ?? "")) : nil
    try self.init(handle: handle, bytes: bytes, limits: limits, resuming: checkpoint)
  }

  /// A stream that reads `bytes` (or the file open on `handle`, moved to the checkpoint) on from
  /// `checkpoint`, taken by another stream over the same document.
  public init(handle: FileHandle?, bytes: [UInt8]?, limits: JSONLimits = JSONLimits(), resuming checkpoint: Checkpoint) throws {
    self.limits = limits
    depth = checkpoint.depth
    bufferOffset = checkpoint.offset
    if let bytes {
      self.handle = nil
      isAtEndOfFile = true
      parser = JSONParser(
        continuing: Array(bytes[min(checkpoint.offset, bytes.count)...]), line: checkpoint.line,
        column: checkpoint.column, depth: checkpoint.depth, limits: limits)
    } else {
      guard let handle else { throw CocoaError(.fileReadUnknown) }
      try handle.seek(toOffset: UInt64(checkpoint.offset))
      self.handle = handle
      let first = try Self.read(handle, count: Self.chunkSize(limits))
      isAtEndOfFile = first.isEmpty
      parser = JSONParser(
        continuing: first, line: checkpoint.line, column: checkpoint.column, depth: checkpoint.depth, limits: limits)
    }
  }

  /// Bytes read from the file at a time: one value's worth, so refilling moves at most that much
  /// (``JSONLimits/streamReadBytes`` when set).
  private static func chunkSize(_ limits: JSONLimits) -> Int {
    limits.streamReadBytes.map { max($0, 1) } ?? max(limits.maxValueBytes, 1 << 16)
  }

  private static func read(_ handle: FileHandle, count: Int) throws -> [UInt8] {
    guard let data = try handle.read(upToCount: count) else { return [] }
    return [UInt8](data)
  }

  /// Fills the buffer until `count` bytes follow the next non-whitespace position, or the file ends.
  private mutating func fill(_ count: Int) throws(JSONParser.ParseError) {
    while true {
      _ = parser.peek()
      if isAtEndOfFile || parser.bufferedCount >= count { return }
      let more: [UInt8]
      do {
        more = try Self.read(handle!, count: Self.chunkSize(limits))
      } catch {
        throw parser.error("cannot read the file (\(error.localizedDescription))")
      }
      if more.isEmpty { isAtEndOfFile = true }
      bufferOffset += parser.replaceBuffer(appending: more)
    }
  }

  /// The bytes a cursor step needs ahead: a key or a scalar (strings are bounded by the string
  /// limit, six bytes per escaped character at most).
  private var stepBytes: Int { limits.maxStringBytes > Int.max / 8 ? Int.max : limits.maxStringBytes * 6 + 64 }

  /// The first non-whitespace byte ahead, or `nil` at the end.
  public mutating func peek() throws(JSONParser.ParseError) -> UInt8? {
    try fill(1)
    return parser.peek()
  }

  /// The 1-based line of the next value.
  public mutating func nextLine() throws(JSONParser.ParseError) -> Int {
    try fill(1)
    return parser.nextLine()
  }

  /// Throws unless only whitespace is left.
  public mutating func expectEnd() throws(JSONParser.ParseError) {
    try fill(1)
    try parser.expectEnd()
  }

  /// Consumes `{`.
  public mutating func beginObject() throws(JSONParser.ParseError) {
    try fill(1)
    try parser.beginObject()
    depth += 1
  }

  /// The next key of the object opened last, or `nil` after its `}`.
  public mutating func nextKey() throws(JSONParser.ParseError) -> String? {
    try fill(min(stepBytes, limits.maxValueBytes))
    let key = try parser.nextKey()
    if key == nil { depth -= 1 }
    return key
  }

  /// Consumes `[`.
  public mutating func beginArray() throws(JSONParser.ParseError) {
    try fill(1)
    try parser.beginArray()
    depth += 1
  }

  /// Whether another element of the array opened last follows (`false` after its `]`).
  public mutating func nextElement() throws(JSONParser.ParseError) -> Bool {
    try fill(2)
    let more = try parser.nextElement()
    if !more { depth -= 1 }
    return more
  }

  /// Reads the next whole value, which must fit in ``JSONLimits/maxValueBytes``.
  public mutating func readValue() throws(JSONParser.ParseError) -> JSONValue {
    try fill(limits.maxValueBytes)
    let start = parser.bufferPosition
    let startLine = parser.line
    var atStart: JSONParser.ParseError {
      parser.error(
        "a JSON value longer than \(limits.maxValueBytes) bytes (the limit for one element of a streamed file)",
        at: start, line: startLine)
    }
    let value: JSONValue
    do {
      value = try parser.readValue()
    } catch {
      // An error at or past the limit (where a buffer filled to the limit ends): the value is too
      // long, whatever the parser saw there. Before it, the parser's error stands, as in memory.
      if parser.bufferPosition - start >= limits.maxValueBytes - 8 { throw atStart }
      throw error
    }
    // The limit holds wherever the buffer ends (a value in memory is held to it too); a value
    // that used up the whole window with more file after it may have been cut.
    if parser.bufferPosition - start > limits.maxValueBytes || (!isAtEndOfFile && parser.bufferedCount == 0) {
      throw atStart
    }
    return value
  }

  /// Skips the next value (parsed, so its errors are found, but not kept).
  public mutating func skipValue() throws(JSONParser.ParseError) {
    _ = try readValue()
  }

  /// Where the next value starts (after whitespace), for reading it again with another stream.
  public mutating func checkpoint() throws(JSONParser.ParseError) -> Checkpoint {
    try fill(1)
    return Checkpoint(offset: bufferOffset + parser.bufferPosition, line: parser.line, column: parser.column, depth: depth)
  }

  /// The current position as a ``JSONParser/ParseError`` with `message`.
  public func error(_ message: String) -> JSONParser.ParseError { parser.error(message) }
}

import Foundation
import FuzzDriver
import TierscanCore
import TierscanIngest

/// The anonymous file the streamed reads go through (one for the run).
let streamFile = FuzzFile()

/// libFuzzer entry point: any bytes as a JSON interchange file, read four ways:
///
/// - in memory, named `.omts` (OMTS without sniffing) and `.json` (classified by content as OMTS,
///   BODS or FtM, or reported): ``JSONInputReader/read(bytes:displayPath:options:)``;
/// - as a file (an anonymous in-memory file, ``FuzzFile``), named `.omts` and `.json`, through
///   ``JSONInputReader/read(_:options:)`` — the path a real input takes: OMTS is streamed by
///   ``JSONStream``, here with 61-byte reads so every value crosses buffer refills.
///
/// Small JSON limits make the depth, string and value limits reachable. Must never crash, every
/// file must be summarised, and the streamed read must give exactly what the in-memory read gives
/// (records, findings with their lines and columns, counts): the stream is only a way of holding
/// less of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
  var options = IngestOptions()
  options.limits.json.maxDepth = 16
  options.limits.json.maxStringBytes = 256
  // At least a key's worth of escaped bytes (6 × 256 + 64), so the stream never cuts a key the
  // in-memory parser would read.
  options.limits.json.maxValueBytes = 2048
  var streamed = options
  streamed.limits.json.streamReadBytes = 61
  streamFile.write(UnsafeRawBufferPointer(start: start, count: count))
  for name in ["fuzz.omts", "fuzz.json"] {
    let inMemory = JSONInputReader.read(bytes: bytes, displayPath: name, options: options)
    precondition(!inMemory.files.isEmpty, "\(name): no file summary")
    let fromFile = JSONInputReader.read(InputFile(displayPath: name, url: streamFile.url), options: streamed)
    same(fromFile.files, inMemory.files, "\(name): file summaries")
    same(fromFile.findings.findings.map(\.description), inMemory.findings.findings.map(\.description), "\(name): findings")
    same(fromFile.findings.findings, inMemory.findings.findings, "\(name): findings (with evidence)")
    same(fromFile.entities, inMemory.entities, "\(name): entity records")
    same(fromFile.relationships, inMemory.relationships, "\(name): relationship records")
  }
  return 0
}

/// Stops the run when the streamed read differs from the in-memory one, saying how (a release
/// build's `precondition` traps without its message).
func same<T: Equatable>(_ streamed: T, _ inMemory: T, _ what: @autoclosure () -> String) {
  guard streamed != inMemory else { return }
  FileHandle.standardError.write(Data("\(what()): streamed \(streamed)\n≠ in memory \(inMemory)\n".utf8))
  fatalError("streamed read differs from the in-memory read")
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzJSON(fuzzBytes(data), size) }
}

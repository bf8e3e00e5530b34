import FuzzDriver
import TierscanCore
import TierscanIngest

/// libFuzzer entry point: any bytes as a JSON interchange file, read in memory twice: named
/// `.omts` (read as OMTS without sniffing) and `.json` (classified by content as OMTS, BODS or
/// FtM, or reported). Small JSON limits make the depth and string limits reachable. Must never
/// crash, and every file must be summarised.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
  var options = IngestOptions()
  options.limits.json.maxDepth = 16
  options.limits.json.maxStringBytes = 256
  for name in ["fuzz.omts", "fuzz.json"] {
    let read = JSONInputReader.read(bytes: bytes, displayPath: name, options: options)
    precondition(!read.files.isEmpty, "\(name): no file summary")
  }
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzJSON(fuzzBytes(data), size) }
}

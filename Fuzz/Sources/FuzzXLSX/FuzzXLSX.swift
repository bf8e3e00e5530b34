import Foundation
import FuzzDriver
import TierscanIngest

/// libFuzzer entry point: any bytes as a CMRT workbook and as a `--smelter-lookup` workbook,
/// with small inflate limits, read in memory (no scratch file). Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  var options = IngestOptions()
  options.limits.maxInflatedBytes = 4 << 20
  _ = WorkbookInputReader.read(data: data, displayPath: "fuzz.xlsx", options: options)
  _ = WorkbookInputReader.readSmelterLookup(data: data, displayPath: "fuzz.xlsx", options: options)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzXLSX_main")
public func fuzzXLSXMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzXLSX(fuzzBytes(data), size) }
}

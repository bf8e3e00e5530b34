import Foundation
import FuzzDriver
import TierscanIngest

/// The readers take files, so each input is written to one scratch file per process first.
private let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
  .appendingPathComponent("tierscan-fuzz-xlsx-\(ProcessInfo.processInfo.processIdentifier).xlsx")

/// libFuzzer entry point: any bytes as a CMRT workbook and as a `--smelter-lookup` workbook,
/// with small inflate limits. Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard (try? Data(bytes: start, count: count).write(to: scratch)) != nil else { return 0 }
  var options = IngestOptions()
  options.limits.maxInflatedBytes = 4 << 20
  let file = InputFile(displayPath: "fuzz.xlsx", url: scratch)
  _ = WorkbookInputReader.read(file, options: options)
  _ = WorkbookInputReader.readSmelterLookup(file, options: options)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzXLSX_main")
public func fuzzXLSXMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzXLSX(fuzzBytes(data), size) }
}

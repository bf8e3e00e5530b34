import Foundation
import FuzzDriver
import TierscanIngest

/// libFuzzer entry point: any bytes as a CSV input, with small limits so the limit paths are
/// reached too. Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  _ = readCSVCheckingRecords(Data(bytes: start, count: count), options: smallLimitOptions(maxRecordBytes: 256))
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzCSV(fuzzBytes(data), size) }
}

import FuzzDriver
import TierscanRisk

/// libFuzzer entry point: any bytes as a risk configuration. Must throw or return, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
  _ = try? RiskConfig.parse(bytes: bytes)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzConfig_main")
public func fuzzConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzConfig(fuzzBytes(data), size) }
}

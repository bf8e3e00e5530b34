import TierscanRisk

/// libFuzzer entry point: any bytes as a risk configuration. Must throw or return, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
  _ = try? RiskConfig.parse(bytes: bytes)
  return 0
}

/// SwiftPM renames an executable's `main` to `FuzzConfig_main` and links `main` to it, so libFuzzer's
/// own `main` is never used: start its driver from here instead.
@_cdecl("FuzzConfig_main")
public func fuzzConfigMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
    guard let data else { return fuzzConfig(UnsafeRawPointer(bitPattern: 1)!, 0) }
    return fuzzConfig(UnsafeRawPointer(data), size)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

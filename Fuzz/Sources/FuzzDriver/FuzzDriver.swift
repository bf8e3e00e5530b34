/// One input handler of a harness: libFuzzer's `LLVMFuzzerTestOneInput` signature.
public typealias FuzzInputHandler = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Starts libFuzzer's driver with `handler`.
///
/// SwiftPM renames an executable's `main` to `<Target>_main` and links `main` to it, so libFuzzer's
/// own `main` is never used; each harness exports `<Target>_main` and calls this.
public func runFuzzDriver(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ handler: FuzzInputHandler
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, handler)
}

/// A non-null pointer for empty inputs (libFuzzer may pass `nil` with size 0).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?) -> UnsafeRawPointer {
  data.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bitPattern: 1)!
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: FuzzInputHandler
) -> CInt

import Foundation
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

/// SwiftPM renames an executable's `main` to `FuzzXLSX_main` and links `main` to it, so libFuzzer's
/// own `main` is never used: start its driver from here instead.
@_cdecl("FuzzXLSX_main")
public func fuzzXLSXMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
    guard let data else { return fuzzXLSX(UnsafeRawPointer(bitPattern: 1)!, 0) }
    return fuzzXLSX(UnsafeRawPointer(data), size)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

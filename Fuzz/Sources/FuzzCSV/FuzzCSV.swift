import Foundation
import TierscanIngest

/// libFuzzer entry point: any bytes as a CSV input, with small limits so the limit paths are
/// reached too. Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  var options = IngestOptions()
  options.limits.maxFieldBytes = 64
  options.limits.maxRecordBytes = 256
  let result = CSVInputReader.read(data: data, displayPath: "fuzz.csv", options: options)
  for file in result.files {
    precondition(file.recordsRead == file.recordsAccepted + file.recordsRejected, "a record was lost")
  }
  return 0
}

/// SwiftPM renames an executable's `main` to `FuzzCSV_main` and links `main` to it, so libFuzzer's
/// own `main` is never used: start its driver from here instead.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
    guard let data else { return fuzzCSV(UnsafeRawPointer(bitPattern: 1)!, 0) }
    return fuzzCSV(UnsafeRawPointer(data), size)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

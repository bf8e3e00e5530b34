import Foundation
import FuzzDriver
import TierscanIngest

/// A CSV the mapping is applied to when the input has no NUL byte (the test fixture's ERP export).
let defaultTable = Data(
  """
  Vendor No,Vendor Name,Country,Parent Vendor,Tier Level
  V1,Alpha Textiles,IN,,1
  V2,Beta Spinning,IN,V1,2
  V3,Gamma Farm,IN,V2,3

  """.utf8)

/// libFuzzer entry point: the bytes before the first NUL are a column-mapping file
/// (`ColumnMapping.parse`), the bytes after it a CSV read through that mapping in memory (the
/// ERP export above when there is no NUL). Must throw a `MappingError` or read, never crash, and
/// never lose a record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
  let split = bytes.firstIndex(of: 0) ?? bytes.count
  guard let mapping = try? ColumnMapping.parse(Array(bytes[..<split]), name: "fuzz-mapping.json") else { return 0 }
  let table = split < bytes.count ? Data(bytes[(split + 1)...]) : defaultTable
  var options = smallLimitOptions(maxRecordBytes: 512)
  options.mappings = [mapping]
  _ = readCSVCheckingRecords(table, options: options)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzMapping_main")
public func fuzzMappingMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzMapping(fuzzBytes(data), size) }
}

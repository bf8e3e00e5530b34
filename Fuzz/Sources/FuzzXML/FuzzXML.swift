import Foundation
import FuzzDriver
import TierscanIngest

/// libFuzzer entry point: any bytes as an XML input, read in memory (no scratch file) without and
/// then with the XSD, with a small depth limit. Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  var options = IngestOptions()
  options.limits.maxXMLDepth = 16
  _ = XMLInputReader.read(data: data, displayPath: "fuzz.xml", options: options)
  options.validatesSchema = true
  _ = XMLInputReader.read(data: data, displayPath: "fuzz.xml", options: options)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzXML_main")
public func fuzzXMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzXML(fuzzBytes(data), size) }
}

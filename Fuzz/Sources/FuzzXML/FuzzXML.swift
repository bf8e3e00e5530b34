import Foundation
import FuzzDriver
import TierscanIngest

/// The readers take files, so each input is written to one scratch file per process first.
private let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
  .appendingPathComponent("tierscan-fuzz-xml-\(ProcessInfo.processInfo.processIdentifier).xml")

/// libFuzzer entry point: any bytes as an XML input, read without and then with the XSD, with
/// a small depth limit. Must never crash, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard (try? Data(bytes: start, count: count).write(to: scratch)) != nil else { return 0 }
  var options = IngestOptions()
  options.limits.maxXMLDepth = 16
  let file = InputFile(displayPath: "fuzz.xml", url: scratch)
  _ = XMLInputReader.read(file, options: options)
  options.validatesSchema = true
  _ = XMLInputReader.read(file, options: options)
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzXML_main")
public func fuzzXMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzXML(fuzzBytes(data), size) }
}

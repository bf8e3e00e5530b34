import Foundation
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

/// SwiftPM renames an executable's `main` to `FuzzXML_main` and links `main` to it, so libFuzzer's
/// own `main` is never used: start its driver from here instead.
@_cdecl("FuzzXML_main")
public func fuzzXMLMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
    guard let data else { return fuzzXML(UnsafeRawPointer(bitPattern: 1)!, 0) }
    return fuzzXML(UnsafeRawPointer(data), size)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

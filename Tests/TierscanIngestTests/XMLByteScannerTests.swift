import Testing
@testable import TierscanIngest

@Suite("XML byte scanner")
struct XMLByteScannerTests {
  /// Scans `text` in chunks of `size` bytes and returns the start-tag lines and any stop.
  private func scan(_ text: String, chunk size: Int, maxDepth: Int = 256) -> ([Int], XMLByteScanner.Stop?, Int) {
    var scanner = XMLByteScanner(maxDepth: maxDepth)
    let bytes = Array(text.utf8)
    var passed = 0
    var start = 0
    while start < bytes.count {
      let end = min(start + size, bytes.count)
      let accepted = bytes[start..<end].withUnsafeBufferPointer { scanner.scan($0) }
      passed += accepted
      if accepted < end - start { break }
      start = end
    }
    var lines: [Int] = []
    while let tag = scanner.nextTag() { lines.append(tag.line) }
    return (lines, scanner.stop, passed)
  }

  static let document = """
    <?xml version="1.0"?>
    <root a="1>2" b='<'>
      <!-- <fake/> -- -->
      <![CDATA[ <fake/> ]]>
      <?pi <fake/> ?>
      <child
         x="y"/>
      <other>text</other>
    </root>
    """

  @Test(arguments: [1, 2, 3, 7, 4096])
  func findsStartTagsAcrossChunks(size: Int) {
    let (lines, stop, _) = scan(Self.document, chunk: size)
    #expect(lines == [2, 6, 8])
    #expect(stop == nil)
  }

  @Test(arguments: [1, 5, 4096])
  func stopsBeforeDoctype(size: Int) {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY e \"e\"> ]>\n<x/>"
    let (lines, stop, passed) = scan(text, chunk: size)
    #expect(stop == .doctype(line: 2, column: 1))
    #expect(lines.isEmpty)
    // The parser never receives the whole `<!DOCTYPE` keyword (at most `<!DOCTYP` when the
    // keyword straddles chunks), so it never parses a declaration.
    #expect(passed <= 22 + 8)
    if size == 4096 { #expect(passed == 22) }
  }

  @Test func stopsAtExcessiveDepth() {
    let (lines, stop, _) = scan("<a>\n<b>\n<c>\n<d/>", chunk: 4096, maxDepth: 3)
    #expect(lines == [1, 2, 3])
    #expect(stop == .tooDeep(line: 4, column: 1, limit: 3))
  }
}

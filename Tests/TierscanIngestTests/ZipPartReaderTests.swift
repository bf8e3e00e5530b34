import Foundation
import Testing
import TierscanTestSupport

@testable import TierscanIngest

/// Hostile zip structures for tierscan's own zip reader (`ZipDirectory`, `ZipInflater`,
/// `ZipPartReader`): every one is a finding (an `XLSXError`), none a crash or a hang. The first
/// case is the fuzzing hang kept as `fuzz-regressions/xlsx-deflate-without-end.xlsx`.
@Suite struct ZipPartReaderTests {
  /// About 8 KB of sheet-like XML with varied numbers, so that it deflates at an ordinary ratio.
  static let text: [UInt8] = {
    var random = SplitMix64(seed: 2026)
    return Array(
      (1...200).map { row in "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(random.next() % 1_000_000_007)</v></c></row>\n" }
        .joined().utf8)
  }()

  /// The part's bytes, or the error reading it gave.
  private func read(_ builder: ZipTestBuilder, part: String = "xl/a.xml", limits: IngestLimits = .init()) -> Result<
    [UInt8], XLSXError
  > {
    do throws(XLSXError) {
      let reader = try ZipPartReader(data: Data(builder.bytes()), limits: limits)
      return .success(Array(try reader.data(of: part)))
    } catch {
      return .failure(error)
    }
  }

  /// The error's rule and whether its message contains `detail`.
  private func expectFailure(
    _ result: Result<[UInt8], XLSXError>, _ rule: String, _ detail: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard case .failure(let error) = result else {
      Issue.record("expected \(rule), the part was read", sourceLocation: sourceLocation)
      return
    }
    #expect(error.rule.id == rule, sourceLocation: sourceLocation)
    #expect(error.description.contains(detail), "\(error.description)", sourceLocation: sourceLocation)
  }

  @Test func deflatedAndStoredPartsReadBack() throws {
    let builder = ZipTestBuilder([
      .init(name: "xl/a.xml", content: Self.text),
      .init(name: "xl/b.xml", content: Self.text, deflate: false),
      .init(name: "xl/empty.xml", content: []),
    ])
    #expect(try read(builder).get() == Self.text)
    #expect(try read(builder, part: "xl/b.xml").get() == Self.text)
    #expect(try read(builder, part: "xl/empty.xml").get() == [])
    expectFailure(read(builder, part: "xl/none.xml"), "missing-part", "xl/none.xml")
  }

  @Test func dataDescriptorAndZip64EntriesRead() throws {
    var described = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    described.flags = 0x8
    #expect(try read(ZipTestBuilder([described])).get() == Self.text)
    var wide = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    wide.zip64 = true
    #expect(try read(ZipTestBuilder([wide])).get() == Self.text)
  }

  /// The fuzzing hang: the stream goes on past the entry's compressed size (here into the next
  /// header). Only the entry's own bytes reach the inflater, so it ends at once.
  @Test func streamLongerThanItsCompressedSizeIsCorrupt() {
    var entry = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    let full = entry.payload
    entry.payload = Array(full.prefix(full.count / 2))
    entry.compressedSize = UInt32(entry.payload.count)
    entry.trailing = Array(full.dropFirst(full.count / 2))
    expectFailure(
      read(ZipTestBuilder([entry])), "corrupt-part", "does not end within its \(full.count / 2) compressed bytes")
  }

  @Test func truncatedStreamAtTheEndOfTheFileIsCorrupt() {
    // The last entry's stream is cut and its directory follows at once: no bytes to read on.
    // (Under 4,096 declared bytes, so that the ratio check does not refuse the entry first.)
    var entry = ZipTestBuilder.Entry(name: "xl/a.xml", content: Array(Self.text.prefix(3000)))
    entry.payload = Array(entry.payload.prefix(7))
    entry.compressedSize = 7
    expectFailure(read(ZipTestBuilder([entry])), "corrupt-part", "does not end within its 7 compressed bytes")
    entry.payload = []
    entry.compressedSize = 0
    expectFailure(read(ZipTestBuilder([entry])), "corrupt-part", "does not end within its 0 compressed bytes")
  }

  @Test func invalidDeflateStreamIsCorrupt() {
    var entry = ZipTestBuilder.Entry(name: "xl/a.xml", content: Array(Self.text.prefix(3000)))
    entry.payload = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
    entry.compressedSize = 6
    expectFailure(read(ZipTestBuilder([entry])), "corrupt-part", "invalid deflate stream")
  }

  @Test func wrongCRCIsCorrupt() {
    for deflate in [true, false] {
      var entry = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text, deflate: deflate)
      entry.crc32 ^= 1
      entry.localCRC32 = entry.crc32
      expectFailure(read(ZipTestBuilder([entry])), "corrupt-part", "CRC-32 mismatch")
    }
  }

  @Test func wrongSizesAreCorrupt() {
    var smaller = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    smaller.uncompressedSize -= 1
    expectFailure(
      read(ZipTestBuilder([smaller])), "corrupt-part", "inflates to \(Self.text.count) bytes, the entry declares \(Self.text.count - 1)")
    var larger = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    larger.uncompressedSize += 10
    expectFailure(
      read(ZipTestBuilder([larger])), "corrupt-part", "inflates to \(Self.text.count) bytes, the entry declares \(Self.text.count + 10)")
    var stored = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text, deflate: false)
    stored.uncompressedSize += 1
    expectFailure(read(ZipTestBuilder([stored])), "corrupt-part", "a stored entry of \(Self.text.count) bytes declares")
  }

  @Test func zipBombsAreRefusedByDeclaredAndActualSize() {
    let zeros = [UInt8](repeating: 0x30, count: 4 << 20)
    let bomb = ZipTestBuilder.Entry(name: "xl/a.xml", content: zeros)
    expectFailure(read(ZipTestBuilder([bomb])), "zip-bomb", "inflate ratio")
    var limits = IngestLimits()
    limits.maxInflatedBytes = 1 << 20
    expectFailure(read(ZipTestBuilder([bomb]), limits: limits), "zip-bomb", "declares \(4 << 20) inflated bytes")
    // The header says 4,000 bytes: the inflater stops at the ratio bound, without keeping the bytes.
    var lying = bomb
    lying.uncompressedSize = 4000
    expectFailure(read(ZipTestBuilder([lying])), "zip-bomb", "while extracting")
  }

  @Test func dataPastTheEndOfTheFileIsCorrupt() {
    var farHeader = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    farHeader.localHeaderOffset = 1_000_000
    expectFailure(read(ZipTestBuilder([farHeader])), "corrupt-part", "no local header at byte 1000000")
    var longData = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    longData.compressedSize = 1_000_000
    longData.flags = 0x8  // the local header's sizes are not compared
    expectFailure(read(ZipTestBuilder([longData])), "corrupt-part", "run past the end of the file")
    var wrongHeader = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    wrongHeader.localHeaderOffset = 3  // inside the first header: no signature there
    expectFailure(read(ZipTestBuilder([wrongHeader])), "corrupt-part", "no local header at byte 3")
  }

  @Test func localHeaderDisagreeingWithTheDirectoryIsCorrupt() {
    var name = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    name.localName = "xl/b.xml"
    expectFailure(read(ZipTestBuilder([name])), "corrupt-part", "disagrees with the central directory (name xl/b.xml)")
    var method = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    method.localMethod = 0
    expectFailure(read(ZipTestBuilder([method])), "corrupt-part", "(compression method 0)")
    var crc = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    crc.localCRC32 = 7
    expectFailure(read(ZipTestBuilder([crc])), "corrupt-part", "(CRC-32 7)")
  }

  @Test func unsupportedMethodAndEncryptionAreCorrupt() {
    var bzip = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    bzip.method = 12
    expectFailure(read(ZipTestBuilder([bzip])), "corrupt-part", "compression method 12 is not supported")
    var encrypted = ZipTestBuilder.Entry(name: "xl/a.xml", content: Self.text)
    encrypted.flags = 0x1
    expectFailure(read(ZipTestBuilder([encrypted])), "corrupt-part", "the entry is encrypted")
  }

  @Test func directoryThatDoesNotFitIsNotAZip() {
    var lyingCount = ZipTestBuilder([.init(name: "xl/a.xml", content: Self.text)])
    lyingCount.declaredCount = 500
    expectFailure(read(lyingCount), "not-a-zip", "not a zip archive")
    var zeroCount = lyingCount
    zeroCount.declaredCount = 0
    expectFailure(read(zeroCount), "not-a-zip", "not a zip archive")
    var farDirectory = ZipTestBuilder([.init(name: "xl/a.xml", content: Self.text)])
    farDirectory.declaredDirectoryOffset = 0xFFFF_FF00
    expectFailure(read(farDirectory), "not-a-zip", "not a zip archive")
    expectFailure(read(ZipTestBuilder([.init(name: "../a.xml", content: Self.text)]), part: "../a.xml"), "unsafe-zip-entry", "../a.xml")
  }

  /// Every single-byte change and every truncation of a small package reads or is an
  /// `XLSXError`, and never takes long (the inflater's work is bounded by the entry's bytes).
  @Test func everyByteFlipAndTruncationEndsInAResult() {
    let package = ZipTestBuilder([
      .init(name: "xl/a.xml", content: Array(Self.text.prefix(900))),
      .init(name: "xl/b.xml", content: Array(Self.text.prefix(300)), deflate: false),
    ]).bytes()
    var random = SplitMix64(seed: 14)
    var outcomes: [String: Int] = [:]
    func attempt(_ bytes: [UInt8]) {
      do throws(XLSXError) {
        let reader = try ZipPartReader(data: Data(bytes), limits: .init())
        for part in ["xl/a.xml", "xl/b.xml"] {
          do throws(XLSXError) {
            _ = try reader.data(of: part)
            outcomes["read", default: 0] += 1
          } catch {
            outcomes[error.rule.id, default: 0] += 1
          }
        }
      } catch {
        outcomes[error.rule.id, default: 0] += 1
      }
    }
    for length in 0..<package.count { attempt(Array(package.prefix(length))) }
    for _ in 0..<3000 {
      var bytes = package
      bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      attempt(bytes)
    }
    // Both ways out occur: a test that only ever saw one would not show the checks work.
    #expect(outcomes["read", default: 0] > 0)
    #expect(outcomes["corrupt-part", default: 0] > 0)
    #expect(outcomes["not-a-zip", default: 0] > 0)
  }
}

import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanTestSupport

/// ``InputBytes``: whole-file reads into memory that notice a file changing underneath.
@Suite struct InputBytesTests {
  @Test func readsARegularFileWhole() throws {
    let url = TestScratch.directory.appendingPathComponent("tierscan-bytes-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let content = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
    try content.write(to: url)
    let read = try InputBytes.contents(of: InputFile(path: url.path))
    #expect(read.bytes == content)
    #expect(read.findings.isEmpty)
  }

  /// A file whose size is not what was read (`/proc` files say 0 bytes and hold more) is the
  /// `file-changed` case, deterministic: the bytes up to the size seen at open are kept.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
  func aFileThatGrewWhileReadIsAFinding() throws {
    let read = try InputBytes.contents(of: InputFile(path: "/proc/self/status"))
    #expect(read.bytes.isEmpty)
    #expect(read.findings.map(\.rule) == [.fileChanged])
    #expect(read.findings.first?.severity == .error)
    #expect(read.findings.first?.message.hasPrefix("the file changed while it was read (it grew past the 0 bytes") == true)
  }

  @Test func aDeviceIsNotRead() {
    #expect(throws: InputBytes.Failure.self) { try InputBytes.contents(of: InputFile(path: "/dev/zero")) }
    do {
      _ = try InputBytes.contents(of: InputFile(path: "/dev/null"))
    } catch {
      #expect(error.finding.rule == .notARegularFile)
    }
  }
}

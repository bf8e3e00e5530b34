import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func knownVectors(message: String, digest: String) {
    #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
  }

  @Test func millionAsInUnevenChunks() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: 0x61, count: 997)
    var left = 1_000_000
    while left > 0 {
      let n = min(left, chunk.count)
      hasher.update(chunk[0..<n])
      left -= n
    }
    #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func chunkingNeverChangesTheDigest() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hexDigest(of: bytes)
    for split in [0, 1, 55, 56, 63, 64, 65, 128, 299] {
      var hasher = SHA256()
      hasher.update(bytes[..<split])
      hasher.update(bytes[split...])
      #expect(SHA256.hex(hasher.finalize()) == whole)
    }
  }

  @Test func fileDigestMatchesSha256sum() throws {
    let tool = URL(fileURLWithPath: "/usr/bin/sha256sum")
    guard FileManager.default.isExecutableFile(atPath: tool.path) else { return }
    let url = TestScratch.directory.appendingPathComponent("tierscan-sha-\(getpid()).bin")
    defer { try? FileManager.default.removeItem(at: url) }
    let bytes = (0..<(3 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    try Data(bytes).write(to: url)
    let process = Process()
    process.executableURL = tool
    process.arguments = [url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let expected = String(output.prefix(64))
    #expect(try SHA256.hexDigest(ofFileAt: url) == expected)
    #expect(SHA256.hexDigest(of: bytes) == expected)
  }
}

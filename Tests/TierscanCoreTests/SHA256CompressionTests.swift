import Foundation
import Testing
@testable import TierscanCore
import TierscanTestSupport

/// The SHA-extensions compression (the `CSHA256` target) against the portable Swift one: known
/// vectors on each, then identical digests on seeded random inputs, whole and streamed.
@Suite struct SHA256CompressionTests {
  /// Every compression this CPU can run: always the portable one, plus the SHA extensions
  /// when present.
  static let compressions: [SHA256.Compression] =
    SHA256.Compression.fastest == .shaExtensions ? [.portable, .shaExtensions] : [.portable]

  static let hasSHAExtensions = SHA256.Compression.fastest == .shaExtensions

  /// FIPS 180-2 appendix B and the NIST example vectors.
  static let vectors: [(message: [UInt8], digest: String)] = [
    ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      Array(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
          .utf8),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    ([UInt8](repeating: 0x61, count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ]

  /// Lengths 0…10 000: all of 0…256, every length within two bytes of the 55/56 and 64-byte
  /// padding boundaries of each block after that, and 400 seeded random ones.
  static let lengths: [Int] = {
    var lengths = Set(0...256)
    for blockStart in stride(from: 256, through: 10_000, by: 64) {
      for offset in [-2, -1, 0, 1, 2, 53, 54, 55, 56, 57, 58] where blockStart + offset <= 10_000 {
        lengths.insert(blockStart + offset)
      }
    }
    var random = SplitMix64(seed: 0x5348_4132_3536)
    for _ in 0..<400 { lengths.insert(Int.random(in: 0...10_000, using: &random)) }
    return lengths.sorted()
  }()

  @Test(arguments: compressions, 0..<vectors.count)
  func knownVectors(compression: SHA256.Compression, vector: Int) {
    let (message, digest) = Self.vectors[vector]
    #expect(Self.digest(message, compression: compression) == digest)
  }

  @Test(.enabled(if: hasSHAExtensions, "needs an x86-64 CPU with the SHA extensions"))
  func extensionsAreTheDefaultWhenPresent() {
    #expect(SHA256.hexDigest(of: Array("abc".utf8)) == Self.digest(Array("abc".utf8), compression: .shaExtensions))
  }

  /// The CPUID check agrees with the kernel's view of the CPU (Linux only).
  @Test func featureCheckMatchesCPUInfo() throws {
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return }
    let flagsLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    let expected = flags.isSuperset(of: ["sha_ni", "ssse3", "sse4_1"])
    #expect(Self.hasSHAExtensions == expected)
  }

  @Test(.enabled(if: hasSHAExtensions, "needs an x86-64 CPU with the SHA extensions"))
  func sameDigestOnRandomLengths() {
    var random = SplitMix64(seed: 42)
    for length in Self.lengths {
      let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      let portable = Self.digest(message, compression: .portable)
      #expect(Self.digest(message, compression: .shaExtensions) == portable, "length \(length)")
    }
  }

  /// Random chunkings (including empty chunks and chunks that straddle blocks), fed as array
  /// slices, `Data` and a collection without contiguous storage, on both compressions.
  @Test(.enabled(if: hasSHAExtensions, "needs an x86-64 CPU with the SHA extensions"))
  func sameDigestWhenStreamed() {
    var random = SplitMix64(seed: 7)
    for length in Self.lengths where length % 7 == 0 || length % 64 >= 54 {
      let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      let expected = Self.digest(message, compression: .portable)
      for compression in Self.compressions {
        var hasher = SHA256(compression: compression)
        var start = 0
        var chunkIndex = 0
        while start < length {
          let end = min(length, start + Int.random(in: 0...(chunkIndex % 5 == 4 ? 300 : 70), using: &random))
          switch chunkIndex % 3 {
          case 0: hasher.update(message[start..<end])
          case 1: hasher.update(Data(message[start..<end]))
          default: hasher.update(message[start..<end].lazy.map { $0 })
          }
          start = end
          chunkIndex += 1
        }
        #expect(SHA256.hex(hasher.finalize()) == expected, "length \(length), \(compression)")
      }
    }
  }

  /// The hex digest of `message` hashed in one piece with `compression`.
  static func digest(_ message: [UInt8], compression: SHA256.Compression) -> String {
    var hasher = SHA256(compression: compression)
    hasher.update(message)
    return SHA256.hex(hasher.finalize())
  }
}

/// Throughput measurement, not a test: runs only when `TIERSCAN_SHA_BENCH` names a file (or is
/// `memory`, for a 256 MiB seeded buffer). Hashes the bytes in memory with each compression,
/// interleaved, and a named file through ``SHA256/hexDigest(ofFileAt:)`` (default compression,
/// 1 MiB reads); prints the best of three each. Build in release for meaningful numbers:
/// `TIERSCAN_SHA_BENCH=… swift test -c release -Xswiftc -enable-testing --filter SHA256Benchmark`.
@Suite struct SHA256Benchmark {
  static let source = ProcessInfo.processInfo.environment["TIERSCAN_SHA_BENCH"]

  @Test(.enabled(if: source != nil))
  func throughput() throws {
    let source = try #require(Self.source)
    let bytes: [UInt8]
    if source == "memory" {
      var random = SplitMix64(seed: 1)
      bytes = [UInt8](unsafeUninitializedCapacity: 256 << 20) { buffer, count in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        for offset in stride(from: 0, to: raw.count, by: 8) {
          raw.storeBytes(of: random.next(), toByteOffset: offset, as: UInt64.self)
        }
        count = buffer.count
      }
    } else {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source)))
    }
    let megabytes = Double(bytes.count) / 1_000_000
    var best: [String: Double] = [:]
    var digests: Set<String> = []
    /// Runs `hash`, records its digest and keeps the best throughput under `label`.
    func measure(_ label: String, _ hash: () throws -> String) rethrows {
      var digest = ""
      let elapsed = try ContinuousClock().measure { digest = try hash() }
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      best[label] = max(best[label] ?? 0, megabytes / seconds)
      digests.insert(digest)
    }
    for _ in 0..<3 {
      for compression in SHA256CompressionTests.compressions {
        measure("in-memory \(compression)") { SHA256CompressionTests.digest(bytes, compression: compression) }
      }
      if source != "memory" {
        try measure("file, default") { try SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: source)) }
      }
    }
    for (label, megabytesPerSecond) in best.sorted(by: { $0.key < $1.key }) {
      print("sha-bench \(label) MB=\(megabytes) best-of-3 MB/s=\(megabytesPerSecond)")
    }
    print("sha-bench digest \(digests.sorted())")
    #expect(digests.count == 1)
  }
}

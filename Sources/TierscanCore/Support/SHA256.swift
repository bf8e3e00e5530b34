import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), streaming: feed bytes with ``update(_:)`` in any chunking, then call
/// ``finalize()``. Used for the run manifest (input, config and output digests).
///
/// The compression function runs on the x86 SHA extensions when the CPU has them (the `CSHA256`
/// target, about six times the Swift code's throughput) and in portable Swift otherwise.
public struct SHA256: Sendable {
  /// How a hasher runs the compression function.
  enum Compression: Sendable {
    /// The x86 SHA extensions, through `csha256_compress_blocks`.
    case shaExtensions
    /// Portable Swift, ``SHA256/compressBlocksPortably(_:)``.
    case portable

    /// The fastest this CPU supports; the CPU is asked once, on first use.
    static let fastest: Compression = csha256_is_supported() ? .shaExtensions : .portable
  }

  private static let k: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]

  private var state: [UInt32] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]
  private var buffer: [UInt8] = []
  private var length: UInt64 = 0
  private let compression: Compression

  /// Creates a hasher with the initial state.
  public init() {
    self.init(compression: .fastest)
  }

  /// Creates a hasher that compresses with `compression` (tests compare the two).
  ///
  /// - Precondition: `compression` is `.portable` or this CPU has the SHA extensions.
  init(compression: Compression) {
    precondition(compression == .portable || Compression.fastest == .shaExtensions, "CPU lacks the SHA extensions")
    self.compression = compression
    buffer.reserveCapacity(64)
  }

  /// Feeds more bytes.
  ///
  /// - Complexity: O(n).
  public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    length &+= UInt64(bytes.count)
    var index = bytes.startIndex
    if !buffer.isEmpty {
      while buffer.count < 64, index != bytes.endIndex {
        buffer.append(bytes[index])
        index = bytes.index(after: index)
      }
      guard buffer.count == 64 else { return }
      let block = buffer
      compress(block, at: 0)
      buffer.removeAll(keepingCapacity: true)
    }
    // Whole blocks straight from the input (contiguous storage when the collection has it).
    let tail: [UInt8]? = bytes[index...].withContiguousStorageIfAvailable { rest in
      let whole = rest.count / 64 * 64
      if whole > 0 { compressBlocks(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: rest[0..<whole]))) }
      return Array(rest[whole...])
    }
    if let tail {
      buffer.append(contentsOf: tail)
      return
    }
    let rest = Array(bytes[index...])
    let whole = rest.count / 64 * 64
    if whole > 0 { rest.withUnsafeBytes { compressBlocks(UnsafeRawBufferPointer(rebasing: $0[0..<whole])) } }
    buffer.append(contentsOf: rest[whole...])
  }

  /// Pads, processes the last block and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = buffer
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    var offset = 0
    while offset < tail.count {
      compress(tail, at: offset)
      offset += 64
    }
    buffer.removeAll()
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in state {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  private mutating func compress(_ bytes: [UInt8], at offset: Int) {
    bytes.withUnsafeBytes { compressBlocks(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + 64])) }
  }

  /// Compresses every 64-byte block of `blocks` (its count is a multiple of 64).
  private mutating func compressBlocks(_ blocks: UnsafeRawBufferPointer) {
    guard let base = blocks.baseAddress else { return }
    switch compression {
    case .shaExtensions:
      state.withUnsafeMutableBufferPointer { csha256_compress_blocks($0.baseAddress, base, blocks.count / 64) }
    case .portable:
      compressBlocksPortably(blocks)
    }
  }

  /// ``compressBlocks(_:)`` in Swift, for CPUs without the SHA extensions.
  private mutating func compressBlocksPortably(_ blocks: UnsafeRawBufferPointer) {
    var h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3]
    var h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7]
    var schedule = [UInt32](repeating: 0, count: 64)
    Self.k.withUnsafeBufferPointer { k in
      schedule.withUnsafeMutableBufferPointer { w in
        var offset = 0
        while offset + 64 <= blocks.count {
          for i in 0..<16 {
            let j = offset + i * 4
            w[i] = UInt32(blocks[j]) << 24 | UInt32(blocks[j + 1]) << 16 | UInt32(blocks[j + 2]) << 8 | UInt32(blocks[j + 3])
          }
          for i in 16..<64 {
            let w15 = w[i - 15]
            let w2 = w[i - 2]
            let s0 = Self.rotate(w15, 7) ^ Self.rotate(w15, 18) ^ (w15 >> 3)
            let s1 = Self.rotate(w2, 17) ^ Self.rotate(w2, 19) ^ (w2 >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
          }
          var a = h0, b = h1, c = h2, d = h3
          var e = h4, f = h5, g = h6, h = h7
          for i in 0..<64 {
            let s1 = Self.rotate(e, 6) ^ Self.rotate(e, 11) ^ Self.rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = Self.rotate(a, 2) ^ Self.rotate(a, 13) ^ Self.rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
          offset += 64
        }
      }
    }
    state = [h0, h1, h2, h3, h4, h5, h6, h7]
  }

  @inline(__always)
  private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  /// Lower-case hexadecimal of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The hex digest of `bytes`.
  public static func hexDigest<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(bytes)
    return hex(hasher.finalize())
  }

  /// The hex digest of a file, read in 1 MiB chunks so large inputs are never held in memory.
  ///
  /// - Throws: the file system error when the file cannot be opened or read.
  public static func hexDigest(ofFileAt url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(chunk)
    }
    return hex(hasher.finalize())
  }
}

import CTierscanZlib
import Foundation

/// Inflates one zip entry's raw deflate stream (zlib, `-MAX_WBITS`) from bytes that are already
/// bounded to the entry's compressed size, so the work always ends: every `inflate` call either
/// consumes input or produces output, the input is finite and the output is bounded.
///
/// The output is written up to the size the entry declares; anything past it is only counted (in
/// a small scratch buffer) so that a lying header costs no memory beyond the declared size and is
/// still told apart from a zip bomb.
enum ZipInflater {
  /// Why an entry's bytes are not the part they claim to be.
  enum Failure: Error, Equatable {
    /// More than `bound` bytes came out.
    case exceeded(bound: UInt64)
    /// The deflate stream had not ended when its compressed bytes ran out.
    case unterminated(compressed: Int)
    /// zlib refused the stream (`Z_DATA_ERROR` and the like), with its message.
    case invalid(String)
    /// The stream ended after a number of bytes other than the declared size.
    case sizeMismatch(declared: UInt64, actual: UInt64)
  }

  /// The inflated bytes of `input`, which must be exactly `declared` bytes long.
  /// - Parameter bound: the most bytes that may come out before the entry is a zip bomb.
  static func inflate(_ input: UnsafeRawBufferPointer, declared: Int, bound: UInt64) throws(Failure) -> Data {
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .invalid("zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var output = Data(count: declared)
    var scratch = [UInt8](repeating: 0, count: 1 << 16)
    var produced: UInt64 = 0
    var consumed = 0
    let failure: Failure? = output.withUnsafeMutableBytes { outputBuffer in
      scratch.withUnsafeMutableBytes { scratchBuffer in
        // zlib's `next_in` is not const, but inflate never writes through it.
        let inputBase = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        while true {
          if stream.avail_in == 0, consumed < input.count {
            let chunk = min(input.count - consumed, Int(UInt32.max))
            stream.next_in = inputBase.map { $0 + consumed }
            stream.avail_in = UInt32(chunk)
            consumed += chunk
          }
          let inDeclared = produced < UInt64(declared)
          let room =
            inDeclared
            ? min(declared - Int(produced), Int(UInt32.max))
            : scratchBuffer.count
          let target = inDeclared ? outputBuffer.baseAddress! + Int(produced) : scratchBuffer.baseAddress!
          stream.next_out = target.assumingMemoryBound(to: Bytef.self)
          stream.avail_out = UInt32(room)
          let status = CTierscanZlib.inflate(&stream, Z_NO_FLUSH)
          produced += UInt64(room - Int(stream.avail_out))
          if produced > bound { return .exceeded(bound: bound) }
          switch status {
          case Z_STREAM_END:
            if produced != UInt64(declared) { return .sizeMismatch(declared: UInt64(declared), actual: produced) }
            return nil
          case Z_OK:
            continue
          case Z_BUF_ERROR:
            // No progress was possible: with output room always given, the input has run out.
            return .unterminated(compressed: input.count)
          default:
            return .invalid(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)")
          }
        }
      }
    }
    if let failure { throw failure }
    return output
  }

  /// The CRC-32 of `bytes` (zlib's `crc32`, in pieces of at most 1 GiB).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc = crc32(0, nil, 0)
    var offset = 0
    while offset < bytes.count {
      let length = min(bytes.count - offset, 1 << 30)
      crc = crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self) + offset, UInt32(length))
      offset += length
    }
    return UInt32(truncatingIfNeeded: crc)
  }
}

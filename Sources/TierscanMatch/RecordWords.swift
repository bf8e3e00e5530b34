import TierscanCore

/// The words of a run of records as ``WordGate`` interns them (each record's names, each name's
/// tokens then qualifiers), as bytes back to back, each with its ``ByteInterner`` hash. Made in
/// pieces on both cores (``pieces(of:in:splitAt:)``), so that the gate's vocabulary, which numbers
/// words in record order and so is made in order, only looks them up, each word's slot fetched
/// a few words ahead.
struct RecordWords: Sendable {
  /// Word `w` is `bytes[wordStarts[w] ..< wordStarts[w + 1]]`, its hash `hashes[w]`.
  private(set) var bytes: [UInt8] = []
  private(set) var wordStarts: [Int32] = [0]
  private(set) var hashes: [UInt64] = []

  /// The words of `records[range]`.
  init(records: [PreparedRecord], range: Range<Int>) {
    bytes.reserveCapacity(range.count * 32)
    wordStarts.reserveCapacity(range.count * 4 + 1)
    hashes.reserveCapacity(range.count * 4)
    records.withUnsafeBufferPointer { records in
      for i in range {
        for name in records[i].names {
          for word in name.tokens { add(word) }
          for word in name.qualifiers { add(word) }
        }
      }
    }
  }

  private mutating func add(_ word: String) {
    var word = word
    word.withUTF8 { utf8 in
      bytes.append(contentsOf: utf8)
      wordStarts.append(Int32(bytes.count))
      hashes.append(ByteInterner.hash(UnsafeRawBufferPointer(utf8)))
    }
  }

  /// Number of words.
  var count: Int { hashes.count }

  /// The words of `records[run]`, in pieces made side by side when the run has at least
  /// `splitAt` records (in range order).
  static func pieces(of records: [PreparedRecord], in run: Range<Int>, splitAt: Int) -> [RecordWords] {
    ParallelWork.map(count: run.count, minimumToSplit: splitAt) { piece in
      RecordWords(records: records, range: (run.lowerBound + piece.lowerBound)..<(run.lowerBound + piece.upperBound))
    }
  }

  /// Interns every word of `pieces`, in order, into `vocabulary`, appending each word's index
  /// to `ids`.
  static func intern(_ pieces: [RecordWords], into vocabulary: inout ByteInterner, ids: inout [Int32]) {
    for piece in pieces {
      vocabulary.intern(hashed: piece.bytes, starts: piece.wordStarts, hashes: piece.hashes, appendingIndicesTo: &ids)
    }
  }
}

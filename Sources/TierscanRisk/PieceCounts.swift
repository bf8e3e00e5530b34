/// Counts per (piece, key) for a counting sort whose input is cut into pieces that run on
/// different workers (``RiskArcs``): each piece counts its items per key, one sequential pass
/// turns the counts into cursors (for each key, piece 0's items first, then piece 1's, …), and
/// each piece then places its items at its own cursors. The result is exactly the one-piece
/// counting sort's, because within a key the pieces are laid out in piece order.
///
/// The counts live in one buffer of `pieces × keys` `Int32`, allocated on the calling thread
/// (a buffer freed by a worker would stay in that worker's malloc arena). Workers reach it
/// through ``Shared``, and every piece touches only its own row, so no two workers write the
/// same slot.
struct PieceCounts {
  /// Number of pieces (rows).
  let pieces: Int
  /// Number of keys (columns).
  let keys: Int
  private var storage: [Int32]

  /// Zero counts for `pieces` pieces over `keys` keys.
  init(pieces: Int, keys: Int) {
    self.pieces = pieces
    self.keys = keys
    storage = [Int32](repeating: 0, count: pieces * keys)
  }

  /// A piece's view of the counts, safe to hand to concurrent workers as long as each works on
  /// its own piece; valid only inside ``withShared(_:)``.
  struct Shared: @unchecked Sendable {
    fileprivate let base: UnsafeMutablePointer<Int32>?
    fileprivate let keys: Int

    /// Adds one item of `piece` under `key`.
    @inline(__always) func count(piece: Int, key: Int) { base![piece &* keys &+ key] &+= 1 }

    /// The next position of `piece`'s items under `key`, advancing the cursor (after
    /// ``PieceCounts/cursors()``).
    @inline(__always) func take(piece: Int, key: Int) -> Int {
      let slot = base! + (piece &* keys &+ key)
      let position = slot.pointee
      slot.pointee = position &+ 1
      return Int(position)
    }
  }

  /// Runs `body` with the shared view of the counts.
  mutating func withShared<T>(_ body: (Shared) -> T) -> T {
    let keys = keys
    return storage.withUnsafeMutableBufferPointer { buffer in
      body(Shared(base: buffer.baseAddress, keys: keys))
    }
  }

  /// Turns the counts into cursors, key by key and piece by piece within a key, and returns the
  /// offsets: `offsets[key] ..< offsets[key + 1]` is the range of `key`'s items, piece 0's first.
  ///
  /// - Complexity: O(pieces × keys).
  mutating func cursors() -> [Int32] {
    var offsets = [Int32](repeating: 0, count: keys + 1)
    let (pieces, keys) = (pieces, keys)
    storage.withUnsafeMutableBufferPointer { counts in
      offsets.withUnsafeMutableBufferPointer { offsets in
        var position: Int32 = 0
        for key in 0..<keys {
          offsets[key] = position
          for piece in 0..<pieces {
            let count = counts[piece * keys + key]
            counts[piece * keys + key] = position
            position += count
          }
        }
        offsets[keys] = position
      }
    }
    return offsets
  }
}

import Foundation
import TierscanCore

/// Renders output files given as parts on every core and hands each file's parts to a sink in
/// order, as soon as they are ready, so that a large file is never held in memory at once: at
/// most `window` parts of a file are rendered ahead of the part its sink has taken.
///
/// The SHA-256 of each file is computed over its parts in the same pass. The parts of one file
/// reach the sink one at a time and in order (never concurrently); different files may reach it
/// concurrently. Renderers must be pure; the bytes each file receives do not depend on timing.
enum OrderedPartRenderer {
  /// One file as the renderers of its parts: their results, concatenated, are the file.
  struct File: Sendable {
    var name: String
    var parts: [@Sendable () -> [UInt8]]
  }

  /// Renders every part of `files` (in task order: each file's parts in order, the files in the
  /// order given, so that a slow first file starts first) on `workers` threads and hands them
  /// to `sink(fileIndex, bytes)`.
  ///
  /// - Returns: each file's SHA-256 as lowercase hex, in the order of `files`.
  /// - Throws: the first error `sink` threw; no part is rendered after it.
  /// - Complexity: O(total bytes); memory O(`window` × part size × files rendered at once).
  static func render(
    _ files: [File], window: Int = 4, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    sink: @Sendable (_ file: Int, _ bytes: [UInt8]) throws -> Void
  ) throws -> [String] {
    let state = State(files: files, window: max(1, window))
    ParallelWork.run(count: max(1, workers)) { _ in state.work(sink: sink) }
    if let error = state.error { throw error }
    return state.digests()
  }

  /// Renders `files` in memory: each file's parts in order and its SHA-256 hex.
  static func collect(_ files: [File]) -> [(parts: [[UInt8]], sha256: String)] {
    let collected = files.map { _ in Parts() }
    let digests = try! render(files, window: Int.max / 2) { file, bytes in collected[file].parts.append(bytes) }
    return zip(collected, digests).map { ($0.parts, $1) }
  }

  /// One file's collected parts (appended by that file's sink only, never concurrently).
  private final class Parts: @unchecked Sendable {
    var parts: [[UInt8]] = []
  }

  /// One file's SHA-256, in a box of its own so that workers hashing different files never
  /// access the same storage.
  private final class RunningHash: @unchecked Sendable {
    var hash = SHA256()
  }

  /// The shared state of the workers, guarded by `condition`.
  private final class State: @unchecked Sendable {
    private let condition = NSCondition()
    private let files: [File]
    private let window: Int
    /// Every part as (file, part), in the order they are taken.
    private let tasks: [(file: Int, part: Int)]
    private var next = 0
    /// Rendered parts not yet handed to the sink, per file.
    private var pending: [[Int: [UInt8]]]
    /// How many parts of each file the sink has taken.
    private var handed: [Int]
    /// Whether a worker is handing parts of the file to the sink.
    private var isHanding: [Bool]
    /// Each file's running hash; touched only by the worker handing that file's parts.
    private let hashes: [RunningHash]
    private(set) var error: (any Error)?

    init(files: [File], window: Int) {
      self.files = files
      self.window = window
      tasks = files.indices.flatMap { f in files[f].parts.indices.map { (f, $0) } }
      pending = Array(repeating: [:], count: files.count)
      handed = Array(repeating: 0, count: files.count)
      isHanding = Array(repeating: false, count: files.count)
      hashes = files.map { _ in RunningHash() }
    }

    func digests() -> [String] {
      hashes.map { SHA256.hex($0.hash.finalize()) }
    }

    /// Takes parts in task order, renders them and hands every part that is next in its file
    /// to the sink, until no part is left or the sink failed.
    func work(sink: (_ file: Int, _ bytes: [UInt8]) throws -> Void) {
      condition.lock()
      defer { condition.unlock() }
      while error == nil, next < tasks.count {
        let (f, p) = tasks[next]
        // The parts before p of this file are all taken, so they will be handed on and wake us.
        if p - handed[f] >= window {
          condition.wait()
          continue
        }
        next += 1
        condition.unlock()
        let bytes = files[f].parts[p]()
        condition.lock()
        pending[f][p] = bytes
        guard !isHanding[f] else { continue }
        isHanding[f] = true
        while error == nil, let ready = pending[f].removeValue(forKey: handed[f]) {
          condition.unlock()
          var failure: (any Error)?
          hashes[f].hash.update(ready)
          do { try sink(f, ready) } catch { failure = error }
          condition.lock()
          if let failure, error == nil { error = failure }
          handed[f] += 1
          condition.broadcast()
        }
        isHanding[f] = false
      }
      condition.broadcast()
    }
  }
}

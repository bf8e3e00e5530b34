import Foundation
import Testing
import TierscanCore
@testable import TierscanReport

@Suite struct OrderedPartRendererTests {
  /// Three files of different part counts whose parts take uneven times to render.
  private func files(recorder: Recorder) -> [OrderedPartRenderer.File] {
    [("a.csv", 17), ("b.json", 1), ("c.json", 40)].enumerated().map { f, file in
      OrderedPartRenderer.File(
        name: file.0,
        parts: (0..<file.1).map { p in
          { @Sendable in
            usleep(UInt32((p * 7 + f * 3) % 5) * 300)
            recorder.rendered(file: f)
            return Array("\(file.0) part \(p)\n".utf8)
          }
        })
    }
  }

  @Test(arguments: [1, 2, 4], [1, 2, 3, 8])
  func handsEveryPartInOrderWithinTheWindow(window: Int, workers: Int) throws {
    let recorder = Recorder(files: 3)
    let planned = files(recorder: recorder)
    let digests = try OrderedPartRenderer.render(planned, window: window, workers: workers) { f, bytes in
      recorder.handed(file: f, bytes)
    }
    let expected = planned.map { file in (0..<file.parts.count).flatMap { Array("\(file.name) part \($0)\n".utf8) } }
    #expect(recorder.bytes == expected)
    #expect(digests == expected.map { SHA256.hexDigest(of: $0) })
    // Never more than `window` parts of a file rendered and not yet handed on.
    #expect(recorder.largestBacklog <= window)
  }

  @Test func stopsAtTheFirstSinkError() {
    struct Full: Error, Equatable {}
    let recorder = Recorder(files: 3)
    #expect(throws: Full()) {
      try OrderedPartRenderer.render(files(recorder: recorder), window: 2, workers: 2) { f, bytes in
        if f == 2 && recorder.handedCount(file: 2) == 3 { throw Full() }
        recorder.handed(file: f, bytes)
      }
    }
    // c.json's parts after the failure are not all rendered: at most the window and one part per worker more.
    #expect(recorder.renderedCount(file: 2) <= 3 + 1 + 2 + 2)
  }

  @Test func collectsInMemory() {
    let recorder = Recorder(files: 3)
    let planned = files(recorder: recorder)
    let collected = OrderedPartRenderer.collect(planned)
    #expect(collected.map { $0.parts.count } == [17, 1, 40])
    #expect(collected[2].parts[39] == Array("c.json part 39\n".utf8))
    #expect(collected[0].sha256 == SHA256.hexDigest(of: Array(collected[0].parts.joined())))
  }
}

/// What the renderers and sinks of a test saw.
private final class Recorder: @unchecked Sendable {
  private let lock = NSLock()
  private var renderedCounts: [Int]
  private var handedCounts: [Int]
  private(set) var bytes: [[UInt8]]
  private(set) var largestBacklog = 0

  init(files: Int) {
    renderedCounts = Array(repeating: 0, count: files)
    handedCounts = Array(repeating: 0, count: files)
    bytes = Array(repeating: [], count: files)
  }

  func rendered(file: Int) {
    lock.withLock {
      renderedCounts[file] += 1
      largestBacklog = max(largestBacklog, renderedCounts[file] - handedCounts[file])
    }
  }

  func handed(file: Int, _ part: [UInt8]) {
    lock.withLock {
      handedCounts[file] += 1
      bytes[file] += part
    }
  }

  func handedCount(file: Int) -> Int { lock.withLock { handedCounts[file] } }
  func renderedCount(file: Int) -> Int { lock.withLock { renderedCounts[file] } }
}

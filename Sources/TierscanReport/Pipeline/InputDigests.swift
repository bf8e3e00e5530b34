import Foundation
import TierscanCore

/// The SHA-256 of every input file, computed on a background thread while the graph is built
/// and the risk analysed (those stages run mostly on one core), and read when the manifest is
/// written.
///
/// The digests depend only on the files' bytes, never on scheduling.
public final class InputDigests: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var digests: [String] = []
  /// The files hashed, in order.
  public let paths: [String]

  /// Starts hashing `paths` (in order) on a background queue.
  public init(paths: [String]) {
    self.paths = paths
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      digests = paths.map { path in
        (try? SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: path))) ?? "unreadable"
      }
      done.signal()
    }
  }

  /// Digests already known (a workspace stores them with the files).
  public init(paths: [String], known: [String]) {
    self.paths = paths
    digests = known
    done.signal()
  }

  /// The hex digests in the order of the paths, or `"unreadable"`; waits until they are computed.
  public var values: [String] {
    done.wait()
    defer { done.signal() }
    return digests
  }
}

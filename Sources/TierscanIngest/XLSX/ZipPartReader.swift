import Foundation
import ZIPFoundation

/// Reads parts out of an `.xlsx` zip package with zip-bomb and path checks.
///
/// Every entry name is checked when the archive is opened (no `..` component, no leading `/`).
/// Each part is checked against its declared sizes before inflating (inflated size at most
/// ``IngestLimits/maxInflatedBytes``, inflated/compressed ratio at most
/// ``IngestLimits/maxInflateRatio``), and the inflated bytes are counted while extracting, so a
/// header that lies about sizes is stopped at the limit too.
final class ZipPartReader {
  private let archive: Archive
  private let limits: IngestLimits
  /// Entries by path; the first entry wins when a path repeats.
  private var entries: [String: Entry] = [:]

  /// Opens the package from its bytes in memory (read through ``InputBytes``: the archive never
  /// opens a path itself).
  /// - Throws: ``XLSXError/notAZip`` or ``XLSXError/unsafeEntryName(_:)``.
  init(data: Data, limits: IngestLimits) throws(XLSXError) {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
    } catch {
      throw .notAZip
    }
    self.archive = archive
    self.limits = limits
    var sawEntry = false
    for entry in archive {
      sawEntry = true
      let path = entry.path
      if ZipPartReader.isUnsafe(path) { throw .unsafeEntryName(path) }
      if entries[path] == nil { entries[path] = entry }
    }
    if !sawEntry { throw .notAZip }
  }

  /// Whether an entry name could escape an extraction directory.
  static func isUnsafe(_ path: String) -> Bool {
    if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
    let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    return components.contains("..") || path.utf8.contains(0)
  }

  /// Whether the package has a part at `path`.
  func contains(_ path: String) -> Bool { entries[path] != nil }

  /// The inflated bytes of the part at `path`.
  /// - Throws: ``XLSXError/missingPart(_:)``, ``XLSXError/zipBomb(entry:detail:)`` or
  ///   ``XLSXError/corruptPart(part:detail:)`` (also when the inflated bytes fail the entry's CRC-32).
  func data(of path: String) throws(XLSXError) -> Data {
    guard let entry = entries[path] else { throw .missingPart(path) }
    let declared = entry.uncompressedSize
    let compressed = entry.compressedSize
    let maxBytes = UInt64(max(limits.maxInflatedBytes, 0))
    if declared > maxBytes {
      throw .zipBomb(entry: path, detail: "declares \(declared) inflated bytes, limit \(maxBytes)")
    }
    let ratioLimit = UInt64(max(limits.maxInflateRatio, 1))
    if declared > 4096, declared / max(compressed, 1) > ratioLimit {
      throw .zipBomb(entry: path, detail: "inflate ratio \(declared / max(compressed, 1)) exceeds \(ratioLimit)")
    }
    // Also bound the actual output by the ratio, in case the declared size lies.
    let ratioBound = max(compressed, 1).multipliedReportingOverflow(by: ratioLimit)
    let bound = min(maxBytes, ratioBound.overflow ? maxBytes : max(ratioBound.partialValue, 4096))
    var output = Data()
    output.reserveCapacity(Int(min(declared, bound)))
    let counter = InflateCounter(limit: bound)
    let checksum: CRC32
    do {
      // The consumer form of `extract` computes the CRC-32 but does not compare it.
      checksum = try archive.extract(entry, skipCRC32: false) { chunk in
        try counter.add(chunk.count)
        output.append(chunk)
      }
    } catch is InflateCounter.Exceeded {
      throw .zipBomb(entry: path, detail: "inflated past \(bound) bytes while extracting")
    } catch {
      throw .corruptPart(part: path, detail: String(describing: error))
    }
    if entry.type == .file, checksum != entry.checksum {
      throw .corruptPart(part: path, detail: "CRC-32 mismatch: the entry says \(entry.checksum), the bytes give \(checksum)")
    }
    return output
  }
}

/// Counts inflated bytes and stops extraction at a limit.
private final class InflateCounter {
  struct Exceeded: Error {}
  private let limit: UInt64
  private var total: UInt64 = 0

  init(limit: UInt64) { self.limit = limit }

  func add(_ count: Int) throws {
    total += UInt64(count)
    if total > limit { throw Exceeded() }
  }
}

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
  /// The anonymous in-memory file holding the package's bytes (see ``init(data:limits:)``).
  private let backing: AnonymousFile
  private let archive: Archive
  private let limits: IngestLimits
  /// Entries by path; the first entry wins when a path repeats.
  private var entries: [String: Entry] = [:]

  /// Opens the package from its bytes in memory (read through ``InputBytes``: the archive never
  /// opens an input path itself).
  ///
  /// ZIPFoundation's own in-memory archive (`Archive(data:)`) traps on a hostile package whose
  /// offsets point past the end (its `MemoryFile` seeks beyond the data, then forms an inverted
  /// range), so the bytes go into an anonymous file (`memfd_create`, or an unlinked temporary
  /// file) read as a file through `/proc/self/fd`, where such a seek is a short read.
  /// - Throws: ``XLSXError/notAZip`` or ``XLSXError/unsafeEntryName(_:)``.
  init(data: Data, limits: IngestLimits) throws(XLSXError) {
    guard let backing = AnonymousFile(holding: data) else {
      throw .corruptPart(part: "(package)", detail: "cannot hold the workbook in an anonymous file")
    }
    let archive: Archive
    do {
      archive = try Archive(url: backing.url, accessMode: .read, pathEncoding: nil)
    } catch {
      throw .notAZip
    }
    self.backing = backing
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

/// An anonymous file holding bytes, closed with the value: a `memfd_create` file where the kernel
/// has it, else an unlinked temporary file. Reached by path through `/proc/self/fd/N`.
final class AnonymousFile {
  private let descriptor: Int32
  /// `/proc/self/fd/N`.
  let url: URL

  private typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
  private static let memfdCreate: MemfdCreate? = dlsym(nil, "memfd_create").map { unsafeBitCast($0, to: MemfdCreate.self) }

  init?(holding data: Data) {
    var descriptor = Self.memfdCreate?("tierscan-xlsx", 1 /* MFD_CLOEXEC */) ?? -1
    if descriptor < 0 {
      var template = Array((NSTemporaryDirectory() + "/tierscan-xlsx-XXXXXX").utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if descriptor >= 0 { unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }) }
    }
    guard descriptor >= 0 else { return nil }
    let written = data.withUnsafeBytes { buffer -> Bool in
      var done = 0
      while done < buffer.count {
        let count = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        done += count
      }
      return true
    }
    guard written else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
    url = URL(fileURLWithPath: "/proc/self/fd/\(descriptor)")
  }

  deinit { close(descriptor) }
}

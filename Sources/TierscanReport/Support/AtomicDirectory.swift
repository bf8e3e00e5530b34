import Foundation
import TierscanCore

/// Writes a command's output files into a directory atomically: into a temporary sibling
/// (`.NAME.tierscan-tmp`), then renamed into place, so an interrupted run never leaves a
/// directory that looks finished. Shared by `scan`, `statement` and `cmrt --out`.
///
/// Refuses a directory that is an input, contains one or lies inside an input directory (a later
/// run would read the outputs), and one holding files other than `ownedNames` (never deletes a
/// user's files). `manifest.json`, when written, is written last.
enum AtomicDirectory {
  /// Writes `files` into `directory`, replacing earlier outputs of the same command.
  ///
  /// - Throws: ``OutputDirectoryError``; on failure the previous contents of `directory` are kept.
  static func write(
    _ files: [(name: String, bytes: [UInt8])], to directory: URL, inputs: [URL], ownedNames: Set<String>
  ) throws(OutputDirectoryError) {
    try checkPlacement(of: directory, inputs: inputs)
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    let exists = fm.fileExists(atPath: directory.path, isDirectory: &isDirectory)
    if exists {
      guard isDirectory.boolValue else { throw .notADirectory(path: directory.path) }
      let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted { $0.utf8Precedes($1) }
      let foreign = names.filter { !ownedNames.contains($0) }
      if !foreign.isEmpty { throw .foreignFiles(path: directory.path, names: foreign) }
    }
    let parent = directory.deletingLastPathComponent()
    let temporary = parent.appendingPathComponent(".\(directory.lastPathComponent).tierscan-tmp")
    let previous = parent.appendingPathComponent(".\(directory.lastPathComponent).tierscan-old")
    do {
      try? fm.removeItem(at: temporary)
      try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
      // Every file but the manifest concurrently (the kernel's copy into the page cache is the
      // cost), then the manifest.
      let ordered = writingOrder(files)
      let manifestAt = ordered.firstIndex { $0.name == "manifest.json" } ?? ordered.count
      let others = Array(ordered[..<manifestAt])
      let failures = WriteFailures()
      DispatchQueue.concurrentPerform(iterations: others.count) { i in
        do {
          try write(others[i].bytes, to: temporary.appendingPathComponent(others[i].name))
        } catch {
          failures.record(error)
        }
      }
      if let error = failures.first { throw error }
      for file in ordered[manifestAt...] {
        try write(file.bytes, to: temporary.appendingPathComponent(file.name))
      }
      if exists {
        try? fm.removeItem(at: previous)
        try fm.moveItem(at: directory, to: previous)
        do {
          try fm.moveItem(at: temporary, to: directory)
        } catch {
          try? fm.moveItem(at: previous, to: directory)
          throw error
        }
        try? fm.removeItem(at: previous)
      } else {
        try fm.moveItem(at: temporary, to: directory)
      }
    } catch {
      try? fm.removeItem(at: temporary)
      throw .io(path: directory.path, message: "\(error.localizedDescription)")
    }
  }


  /// `files` with `manifest.json` moved last: a temporary directory left by a killed run never
  /// holds a manifest without every file it lists.
  static func writingOrder(_ files: [(name: String, bytes: [UInt8])]) -> [(name: String, bytes: [UInt8])] {
    files.filter { $0.name != "manifest.json" } + files.filter { $0.name == "manifest.json" }
  }

  /// Refuses an output that is an input, contains one, or lies inside an input directory.
  static func checkPlacement(of output: URL, inputs: [URL]) throws(OutputDirectoryError) {
    let out = canonical(output)
    for input in inputs {
      let path = canonical(input)
      if path == out { throw .outputIsInput(path: output.path) }
      if path.hasPrefix(out + "/") { throw .outputContainsInput(output: output.path, input: input.path) }
      if out.hasPrefix(path == "/" ? "/" : path + "/") {
        throw .outputInsideInput(output: output.path, input: input.path)
      }
    }
  }

  /// Writes bytes to a file without an intermediate copy.
  private static func write(_ bytes: [UInt8], to url: URL) throws {
    try bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return try Data().write(to: url) }
      try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
        .write(to: url)
    }
  }

  /// Absolute, standardised path with symlinks resolved (for the placement checks only; never
  /// written). Symlinks are resolved in the deepest existing ancestor, so a directory not created
  /// yet compares correctly with inputs reached through a symlinked parent.
  private static func canonical(_ url: URL) -> String {
    var existing = url.standardizedFileURL
    var missing: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      missing.insert(existing.lastPathComponent, at: 0)
      existing = existing.deletingLastPathComponent()
    }
    var path = existing.resolvingSymlinksInPath().path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    for component in missing { path += (path == "/" ? "" : "/") + component }
    return path
  }
}

/// The first error of concurrent file writes.
private final class WriteFailures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [any Error] = []

  func record(_ error: any Error) { lock.withLock { errors.append(error) } }

  var first: (any Error)? { lock.withLock { errors.first } }
}

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
  /// One file to write: its bytes, in parts that are written one after another.
  struct File {
    var name: String
    var parts: [[UInt8]]
  }

  /// Writes `files` into `directory`, replacing earlier outputs of the same command.
  ///
  /// - Throws: ``OutputDirectoryError``; on failure the previous contents of `directory` are kept.
  static func write(
    _ files: [(name: String, bytes: [UInt8])], to directory: URL, inputs: [URL], ownedNames: Set<String>
  ) throws(OutputDirectoryError) {
    try write(files.map { File(name: $0.name, parts: [$0.bytes]) }, to: directory, inputs: inputs, ownedNames: ownedNames)
  }

  /// Writes `files` (each in its parts) into `directory`, replacing earlier outputs of the same
  /// command.
  ///
  /// - Throws: ``OutputDirectoryError``; on failure the previous contents of `directory` are kept.
  static func write(
    _ files: [File], to directory: URL, inputs: [URL], ownedNames: Set<String>
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
      // Every part of every file but the manifest concurrently (the kernel's copy into the page
      // cache is the cost), then the manifest.
      let ordered = writingOrder(files)
      let manifestAt = ordered.firstIndex { $0.name == "manifest.json" } ?? ordered.count
      try writeConcurrently(Array(ordered[..<manifestAt]), in: temporary)
      try writeConcurrently(Array(ordered[manifestAt...]), in: temporary)
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
  static func writingOrder(_ files: [File]) -> [File] {
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

  /// Creates `files` in `directory` and writes every part at its offset, the parts concurrently.
  private static func writeConcurrently(_ files: [File], in directory: URL) throws {
    var descriptors: [Int32] = []
    defer { for descriptor in descriptors { close(descriptor) } }
    var pieces: [(descriptor: Int32, part: [UInt8], offset: Int)] = []
    for file in files {
      let descriptor = open(directory.appendingPathComponent(file.name).path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
      guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      descriptors.append(descriptor)
      var offset = 0
      for part in file.parts {
        pieces.append((descriptor, part, offset))
        offset += part.count
      }
    }
    let failures = WriteFailures()
    let all = pieces
    DispatchQueue.concurrentPerform(iterations: all.count) { i in
      let piece = all[i]
      piece.part.withUnsafeBytes { buffer in
        var done = 0
        while done < buffer.count {
          let written = pwrite(piece.descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(piece.offset + done))
          if written < 0 {
            if errno == EINTR { continue }
            return failures.record(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
          }
          done += written
        }
      }
    }
    if let error = failures.first { throw error }
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

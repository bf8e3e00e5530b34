import Foundation
import TierscanCore

/// Writes a command's output files into a directory atomically: into a temporary sibling with a
/// unique name (`.NAME.tierscan-tmp-XXXXXX`), then swapped into place, so an interrupted run
/// never leaves a directory that looks finished. Shared by `scan`, `statement` and `cmrt --out`.
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
  /// The files are written into a temporary sibling with a unique name this run creates
  /// (`.NAME.tierscan-tmp-XXXXXX`, `mkdtemp`), which is then swapped with `directory` in one step
  /// (`renameat2` with `RENAME_EXCHANGE`; two renames through a unique `.NAME.tierscan-old-XXXXXX`
  /// where the file system cannot exchange). Only what this run created is removed afterwards,
  /// and only the output names in it: a folder the user named `DIR.tierscan-tmp`, a leftover of
  /// a killed run, or a file that appeared in the old output meanwhile are never deleted. Two
  /// runs writing the same `directory` at once each swap in their own complete directory, so
  /// `directory` always holds the files of exactly one run and its manifest.
  ///
  /// - Throws: ``OutputDirectoryError``; on failure the previous contents of `directory` are kept.
  static func write(
    _ files: [File], to directory: URL, inputs: [URL], ownedNames: Set<String>
  ) throws(OutputDirectoryError) {
    try write(to: directory, inputs: inputs, ownedNames: ownedNames, removingOnFailure: Set(files.map(\.name))) { created in
      // Every part of every file but the manifest concurrently (the kernel's copy into the page
      // cache is the cost), then the manifest.
      let ordered = writingOrder(files)
      let manifestAt = ordered.firstIndex { $0.name == "manifest.json" } ?? ordered.count
      try writeConcurrently(Array(ordered[..<manifestAt]), in: created)
      try writeConcurrently(Array(ordered[manifestAt...]), in: created)
    }
  }

  /// Fills a new temporary sibling of `directory` with `fill`, then puts it in place of
  /// `directory`, replacing earlier outputs of the same command, as the other `write` does: for
  /// outputs written to disk as they are produced.
  ///
  /// - Parameters:
  ///   - removingOnFailure: the names `fill` may have created, removed from the temporary
  ///     directory when anything fails (default `ownedNames`).
  ///   - fill: writes the files into the directory it is given (this run's, empty); it must
  ///     write `manifest.json`, if any, last.
  /// - Throws: ``OutputDirectoryError``; on failure the previous contents of `directory` are kept.
  static func write(
    to directory: URL, inputs: [URL], ownedNames: Set<String>, removingOnFailure: Set<String>? = nil,
    fill: (_ temporary: URL) throws -> Void
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
    let name = directory.lastPathComponent
    var temporary: URL?
    do {
      let created = try Self.uniqueDirectory(in: parent, prefix: ".\(name).tierscan-tmp-")
      temporary = created
      try fill(created)
      if let replaced = try Self.moveIntoPlace(created, at: directory, parent: parent, name: name) {
        // `replaced` (created by this run) now holds the previous output: remove its output files.
        removeOwned(replaced, ownedNames: ownedNames)
      }
      temporary = nil
    } catch {
      if let temporary { removeOwned(temporary, ownedNames: removingOnFailure ?? ownedNames) }
      throw .io(path: directory.path, message: Self.sentence(for: error))
    }
  }

  /// Puts the complete directory `source` at `target`: returns the directory (created by this
  /// run) that now holds the previous output, or `nil` when there was none.
  private static func moveIntoPlace(_ source: URL, at target: URL, parent: URL, name: String) throws -> URL? {
    if rename(source.path, target.path) == 0 { return nil }  // no target, or an empty one
    guard errno == ENOTEMPTY || errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    if let exchange = renameExchange {
      if exchange(AT_FDCWD, source.path, AT_FDCWD, target.path, 2 /* RENAME_EXCHANGE */) == 0 { return source }
      guard errno == EINVAL || errno == ENOSYS else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    // No exchange: move the old output to a unique name of ours (a rename over an empty
    // directory we just created), then the new one into place; on failure move the old one back.
    let previous = try uniqueDirectory(in: parent, prefix: ".\(name).tierscan-old-")
    guard rename(target.path, previous.path) == 0 else {
      let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      rmdir(previous.path)
      throw error
    }
    guard rename(source.path, target.path) == 0 else {
      let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      _ = rename(previous.path, target.path)
      throw error
    }
    return previous
  }

  /// `renameat2(2)`, looked up at run time (Glibc's Swift module does not export it).
  private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
  private static let renameExchange: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

  /// A new, empty directory `prefix` + six unique characters in `parent` (`mkdtemp`).
  static func uniqueDirectory(in parent: URL, prefix: String) throws -> URL {
    var template = Array((parent.path == "/" ? "/" : parent.path + "/").utf8CString.dropLast())
    template += Array((prefix + "XXXXXX").utf8CString)
    guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    return URL(fileURLWithPath: String(cString: result))
  }

  /// Removes the files named in `ownedNames` from `directory`, then the directory if it is then
  /// empty. Anything else in it stays (and so does the directory).
  static func removeOwned(_ directory: URL, ownedNames: Set<String>) {
    for name in ownedNames.sorted() {
      unlink(directory.appendingPathComponent(name).path)
    }
    rmdir(directory.path)
  }

  /// A plain sentence for a file-system error (never "NSCocoaErrorDomain error 512").
  static func sentence(for error: any Error) -> String {
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
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
    ParallelWork.run(count: all.count) { i in
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

import Foundation
import TierscanCore

/// Reads a `.csv` input: recognises its kind from the header (model §2) and parses every row.
///
/// Every data record is counted: `recordsRead == recordsAccepted + recordsRejected`. A header
/// that cannot be used (broken, duplicate names, matching no kind) is one error finding for the
/// file, and every data record of that file counts as rejected.
public enum CSVInputReader {
  /// Reads one CSV file. Never throws: every problem is a finding in the result.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    if !options.readsRelationshipRows, let header = RelationshipHeaderProbe.header(of: file, options: options) {
      // The header alone gives the same result as the whole file would (its rows are not read).
      return read(data: header, displayPath: file.displayPath, options: options)
    }
    let contents: (bytes: Data, findings: [Finding])
    do {
      // Copied into memory, not mapped: a file truncated while it is read is a finding, not a SIGBUS.
      contents = try InputBytes.contents(of: file)
    } catch {
      var result = IngestedInputs()
      result.findings.add(error.finding)
      result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
      return result
    }
    var result = read(data: contents.bytes, displayPath: file.displayPath, options: options)
    result.findings.append(contentsOf: contents.findings)
    return result
  }

  /// Reads CSV bytes in any accepted encoding (``CSVText``): decoded to UTF-8 first; a file that
  /// is not UTF-8 gets one more error naming the encoding it looks like.
  public static func read(data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs {
    let (utf8, note) = CSVText.utf8(data, encoding: options.encoding, displayPath: displayPath)
    guard let utf8 else {
      var result = IngestedInputs()
      if let note { result.findings.add(note) }
      result.files.append(InputFileSummary(path: displayPath, kind: .unrecognised))
      return result
    }
    var result =
      CSVMappedReader.read(utf8, displayPath: displayPath, options: options)
      ?? read(utf8: utf8, displayPath: displayPath, options: options)
    var first = FindingLog()
    if let note { first.add(note) }
    if options.encoding == nil, note == nil,
      let invalid = result.findings.first(withRuleIn: [.invalidUtf8, .nulByte])
    {
      first.add(CSVText.notUTF8Finding(data, displayPath: displayPath, firstLine: invalid.location?.line))
    }
    if !first.isEmpty {
      // The file-level note comes first: it explains the findings after it.
      first.append(contentsOf: result.findings)
      result.findings = first
    }
    return result
  }

  /// Reads UTF-8 CSV bytes shown as `displayPath` in provenance and findings.
  static func read(utf8 data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs {
    read(data: data, displayPath: displayPath, options: options, splitAbove: splitThreshold)
  }

  /// Files of at least this many bytes are parsed in two halves concurrently.
  static let splitThreshold = 8 << 20

  /// Reads CSV bytes; when there are at least `splitAbove` bytes, the records after the header
  /// are parsed in two halves concurrently (split on a record boundary, see ``CSVSplit``) and the
  /// halves' results concatenated in order, giving the same result as one sequential read.
  ///
  /// `fastPath: false` reads every relationship and entity row through the general reader and
  /// its row parser (tests compare both ways).
  static func read(
    data: Data, displayPath: String, options: IngestOptions, splitAbove: Int, fastPath: Bool = true
  ) -> IngestedInputs {
    let reader = CSVReader(limits: options.limits, trimsFields: true)
    return data.withUnsafeBytes { raw -> IngestedInputs in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
        var state = FileState(displayPath: displayPath)
        state.finish()
        return state.result
      }
      let bytes = UnsafeBufferPointer(start: base, count: raw.count)
      var state = FileState(displayPath: displayPath)
      state.limits = options.limits
      state.allowsFastPath = fastPath
      state.readsRelationshipRows = options.readsRelationshipRows
      var cursor = CSVCursor(bytes: bytes, reader: reader)
      while state.header == nil, let item = cursor.next() { state.consume(item) }
      if state.skipsRows {
        state.finish()
        return state.result
      }
      if bytes.count >= splitAbove, state.header != nil,
        let split = CSVSplit.boundary(in: bytes, atOrAfter: max(cursor.position, bytes.count / 2)),
        split.offset > cursor.position
      {
        var second = state.continuation()
        // Reserve the record arrays from the line counts (an upper bound on the records): the
        // first half's array then takes the second half's records without reallocating.
        let linesAfter = CSVSplit.count(UInt8(ascii: "\n"), in: bytes, from: split.offset, to: bytes.count) + 1
        state.reserve(split.line + linesAfter)
        second.reserve(linesAfter)
        var secondCursor = CSVCursor(bytes: bytes, reader: reader)
        secondCursor.start(at: split.offset, line: split.line)
        cursor.stop(at: split.offset)
        let halves = Halves(first: (state, cursor), second: (second, secondCursor))
        // Nested in the ingest's split over files: ParallelWork gives the second half a
        // thread of its own (a nested `concurrentPerform` ran the halves one after the other).
        ParallelWork.run(count: 2) { halves.run($0) }
        (state, second) = halves.takeStates()
        state.merge(second)
      } else {
        state.run(&cursor)
      }
      state.finish()
      return state.result
    }
  }
}

/// The two halves of a split read, each run by one worker.
private final class Halves: @unchecked Sendable {
  var first: (FileState, CSVCursor)
  var second: (FileState, CSVCursor)

  init(first: (FileState, CSVCursor), second: (FileState, CSVCursor)) {
    self.first = first
    self.second = second
  }

  func run(_ index: Int) {
    // One exclusive access to the pair; its elements are then disjoint.
    if index == 0 { Self.run(&first) } else { Self.run(&second) }
  }

  private static func run(_ half: inout (FileState, CSVCursor)) {
    half.0.run(&half.1)
  }

  /// Both states, leaving empty results behind: the caller then holds the only references to
  /// the record arrays, so merging the halves appends in place instead of copying them.
  func takeStates() -> (FileState, FileState) {
    let states = (first.0, second.0)
    first.0.result = IngestedInputs()
    second.0.result = IngestedInputs()
    return states
  }
}

/// Per-file bookkeeping while the reader streams records.
private struct FileState {
  let displayPath: String
  var result = IngestedInputs()
  var summary: InputFileSummary
  var header: CSVHeader?
  var isUsable = false
  /// Columns the file's kind does not know (kept as attributes), computed once from the header.
  var extraColumns: [Int] = []
  /// The byte-level reader of plain relationship rows (relationships files only).
  var fastPath: RelationshipFastPath?
  /// The byte-level reader of plain entity rows (entities files only).
  var entityFastPath: EntityFastPath?
  /// The reader's limits (the fast path leaves rows near them to the general reader).
  var limits = IngestLimits()
  /// The relationship batches' slot reads combined (kept so the reads are not optimised away).
  private(set) var batchProbes: Int32 = 0
  /// Whether plain relationship and entity rows may take ``fastPath`` and ``entityFastPath``.
  var allowsFastPath = true
  /// The country values reported so far (one `country-resolved` finding per distinct value).
  var countries = CountryValues()
  /// ``IngestOptions/readsRelationshipRows``.
  var readsRelationshipRows = true
  /// The file is relationships and its rows are not read (``IngestOptions/readsRelationshipRows``).
  private(set) var skipsRows = false

  init(displayPath: String) {
    self.displayPath = displayPath
    summary = InputFileSummary(path: displayPath, kind: .unrecognised)
  }

  private func at(_ line: Int) -> Provenance { Provenance(file: displayPath, line: line) }

  /// Reads every remaining record of `cursor`; plain relationship rows go through
  /// ``RelationshipFastPath``, plain entity rows through ``EntityFastPath``, every other row
  /// through ``consume(_:)``.
  mutating func run(_ cursor: inout CSVCursor) {
    if let fastPath {
      let file = result.relationships.fileIndex(displayPath)
      // At the first row of each batch of lines, the slots where the batch's endpoint ids will
      // be probed are read in one go (see `RelationshipFastPath.touchEndpointSlots`).
      var batchEnd = 0
      var probes: Int32 = 0
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { hashes in
        run(&cursor) { state, bytes, line, number in
          if line.start >= batchEnd {
            let batch = fastPath.touchEndpointSlots(
              bytes, from: line.start, hashes: hashes, ids: state.result.relationships.ids)
            (batchEnd, probes) = (batch.end, probes ^ batch.probes)
          }
          return fastPath.append(
            bytes, from: line.start, to: line.end, line: number, file: file, into: &state.result.relationships)
        }
      }
      batchProbes = probes
    } else if let entityFastPath {
      var codes = EntityFastPath.RowCodes()
      run(&cursor) { state, bytes, line, number in
        entityFastPath.append(
          bytes, from: line.start, to: line.end, line: number, into: &state.result.entities, codes: &codes)
      }
    } else {
      while let item = cursor.next() { consume(item) }
    }
  }

  /// Reads every remaining record of `cursor`, offering each physical line that could be a plain
  /// record to `plainRow` (which returns whether it took the line as one accepted record) and
  /// reading every other record through ``consume(_:)``.
  private mutating func run(
    _ cursor: inout CSVCursor,
    plainRow: (inout FileState, UnsafeBufferPointer<UInt8>, (start: Int, end: Int, next: Int), Int) -> Bool
  ) {
    let bytes = cursor.bytes
    while true {
      if let line = cursor.nextLine(), plainRow(&self, bytes, line, cursor.line) {
        cursor.skipLine(to: line.next)
        summary.recordsRead += 1
        summary.recordsAccepted += 1
        continue
      }
      guard let item = cursor.next() else { return }
      consume(item)
    }
  }

  mutating func consume(_ item: CSVReadResult) {
    guard let header else {
      readHeader(item)
      return
    }
    summary.recordsRead += 1
    guard isUsable else {
      summary.recordsRejected += 1
      return
    }
    switch item {
    case .failure(let error):
      result.findings.add(.error, error.rule, at: at(error.line), error.description)
      summary.recordsRejected += 1
    case .record(let record):
      guard record.fields.count == header.names.count else {
        result.findings.add(
          .error, .raggedRow, at: at(record.line),
          "row has \(record.fields.count) fields but the header has \(header.names.count); row rejected")
        summary.recordsRejected += 1
        return
      }
      var row = CSVRow(header: header, fields: record.fields, at: at(record.line), extraColumns: extraColumns)
      if record.hasControlCharacters { row = removingControlCharacters(row) }
      if parse(&row) { summary.recordsAccepted += 1 } else { summary.recordsRejected += 1 }
      for resolved in row.resolvedCountries {
        if let finding = countries.noteResolved(resolved.raw, to: resolved.code, field: resolved.field, at: row.at) {
          result.findings.add(finding)
        }
      }
      result.findings.append(contentsOf: row.findings)
    }
  }

  private mutating func readHeader(_ item: CSVReadResult) {
    switch item {
    case .failure(let error):
      header = CSVHeader(fields: [])
      result.findings.add(.error, error.rule, at: at(error.line), "header: \(error.description); file not read")
    case .record(let record):
      let header = CSVHeader(fields: record.fields)
      self.header = header
      summary.kind = header.kind ?? .unrecognised
      if let duplicate = header.duplicates.first {
        result.findings.add(
          .error, .duplicateHeader, at: at(record.line), "column '\(duplicate)' appears more than once; file not read")
      } else if header.kind == nil {
        result.findings.add(.error, .unrecognisedHeader, at: at(record.line), header.unrecognisedExplanation)
      } else {
        isUsable = true
        let known = CSVRowDispatch.knownColumns(of: summary.kind)
        extraColumns = header.names.indices.filter { !header.names[$0].isEmpty && !known.contains(header.names[$0]) }
        if !header.unnamedColumns.isEmpty {
          let one = header.unnamedColumns.count == 1
          let columns = header.unnamedColumns.map { String($0 + 1) }.joined(separator: ", ")
          result.findings.add(
            .info, .unnamedColumn, at: at(record.line),
            "column\(one ? "" : "s") \(columns) \(one ? "has" : "have") an empty header cell; "
              + "\(one ? "its" : "their") values are ignored")
        }
        if summary.kind == .assessments || summary.kind == .auditFindings, !extraColumns.isEmpty {
          // Audit exports carry free text that may name workers: nothing unknown is kept.
          let names = extraColumns.map { header.names[$0] }
          let freeText = names.filter { AuditColumns.freeText.contains($0) }
          result.findings.add(
            .info, .columnsNotImported, at: at(record.line),
            "columns not imported: \(names.joined(separator: ", "))"
              + (freeText.isEmpty ? "" : " (free text such as \(freeText.joined(separator: ", ")) may hold personal data)"))
          extraColumns = []
        }
        if summary.kind == .relationships, !readsRelationshipRows {
          skipsRows = true
          result.findings.add(
            .info, .notRead, at: Provenance(file: displayPath),
            "a relationships file (from, to, type): its rows are not read, because resolve compares entities only; "
              + "they are not checked either (run `tierscan validate` for that)")
        }
        if summary.kind == .relationships, allowsFastPath { fastPath = RelationshipFastPath(header: header, limits: limits) }
        if summary.kind == .entities, allowsFastPath {
          entityFastPath = EntityFastPath(header: header, limits: limits, displayPath: displayPath)
        }
      }
    }
  }

  /// Parses a well-formed row by the file's kind; returns whether it was accepted.
  private mutating func parse(_ row: inout CSVRow) -> Bool {
    CSVRowDispatch.parse(&row, kind: summary.kind, into: &result)
  }

  /// The row with control characters (C0 other than TAB, CR, LF; DEL) removed, one warning per column.
  private func removingControlCharacters(_ row: CSVRow) -> CSVRow {
    var fields = row.fields
    var findings: [Finding] = []
    for (column, field) in fields.enumerated() where field.unicodeScalars.contains(where: Self.isControl) {
      fields[column] = String(String.UnicodeScalarView(field.unicodeScalars.filter { !Self.isControl($0) }))
      findings.append(
        Finding(.warning, .controlCharacters, at: row.at, "\(row.header.names[column]): control characters removed"))
    }
    var cleaned = CSVRow(header: row.header, fields: fields, at: row.at, extraColumns: row.extraColumns)
    cleaned.findings = findings
    return cleaned
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
  }

  /// A state for the records after a split: the same header, nothing read yet.
  func continuation() -> FileState {
    var next = FileState(displayPath: displayPath)
    next.header = header
    next.isUsable = isUsable
    next.extraColumns = extraColumns
    next.fastPath = fastPath
    next.entityFastPath = entityFastPath
    next.limits = limits
    next.summary.kind = summary.kind
    return next
  }

  /// Reserves room for `count` records of the file's kind.
  mutating func reserve(_ count: Int) {
    switch summary.kind {
    case .entities: result.entities.reserveCapacity(count)
    case .relationships: result.relationships.reserveCapacity(count)
    default: break
    }
  }

  /// Appends the results of the records after a split (read by `later`).
  mutating func merge(_ later: FileState) {
    let both = countries.merge(later.countries)
    if both.isEmpty {
      result.append(later.result)
    } else {
      // A value both halves resolved is reported once, at its first occurrence (in this half).
      var laterResult = later.result
      var kept = FindingLog()
      laterResult.findings.forEach { finding in
        if !(finding.rule == .countryResolved && finding.evidence.first.map { both.contains($0.value) } == true) {
          kept.add(finding)
        }
      }
      laterResult.findings = kept
      result.append(laterResult)
    }
    summary.recordsRead += later.summary.recordsRead
    summary.recordsAccepted += later.summary.recordsAccepted
    summary.recordsRejected += later.summary.recordsRejected
  }

  mutating func finish() {
    if header == nil {
      result.findings.add(.error, .unrecognisedHeader, at: Provenance(file: displayPath), "the file is empty: no header")
    }
    if summary.kind == .smelterReference, summary.recordsAccepted == 0 {
      // Model §3: a status reference with a header and no usable row still counts as given, so
      // every smelter is then scored `unknown` (not left unassessed).
      result.findings.add(
        .warning, .emptyReference, at: Provenance(file: displayPath),
        "the smelter reference has no usable row; it counts as given, so every smelter is scored 'unknown'")
    }
    DeclaredTierDisclosers.resolve(&result)
    result.files.append(summary)
  }
}

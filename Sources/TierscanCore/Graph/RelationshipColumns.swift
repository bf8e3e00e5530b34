/// The per-relationship values other than endpoints and basis, stored as a struct of arrays
/// (one array per field, indexed by relationship), shared by ``RelationshipRecordTable`` (records
/// in input order) and ``RelationshipTable`` (the graph's relationships, same order), which takes
/// the record table's columns over without copying them.
///
/// Encodings (≈ 25 bytes per relationship when few relationships give a share or a confidence):
/// - ``commodity`` and ``hsCode``: index into ``strings`` (interned values), -1 for `nil`.
/// - ``share(_:)`` and ``confidence(_:)``: `Double`, with ``missing`` (one NaN bit pattern) for
///   `nil`; any other value, including another NaN, is kept as given. Most relationships give
///   neither, so the pair is stored only for those that give one (``valueSlot``: -1, or the pair's
///   index in ``slotShare`` and ``slotConfidence``).
/// - ``reportingYear``: `Int32`, ``noYear`` (`Int32.min`) for `nil`, as runs of one value
///   (``RunColumn``, step 0).
/// - ``line``: the provenance line, as runs of consecutive lines (``RunColumn``, step 1); the provenance
///   file is a run-length table over ``fileNames`` (records of one file are contiguous).
/// - Rare values live in a sparse side table sorted by relationship index (``extraRows``,
///   ``extras``): attributes, a provenance column/sheet/cell or a `nil` line, a line or year that
///   does not fit the `Int32` column, a JSON pointer that does not end in an index. A row listed
///   there takes its line, year, attributes and provenance extras from its ``RelationshipExtra``.
/// - JSON pointers that end in an index (`/edges/12`, `/3`), as JSON inputs give them, cost
///   nothing per relationship: runs of consecutive indices with one prefix (``pointerRunStarts``).
public struct RelationshipColumns: Sendable {
  /// The bit pattern standing for `nil` in ``share(_:)`` and ``confidence(_:)``.
  public static let missing = Double(bitPattern: 0x7FF8_0000_0000_DEAD)
  /// The value standing for `nil` in ``reportingYear``.
  public static let noYear = Int32.min

  public private(set) var type: [RelationshipType] = []
  public private(set) var commodity: [Int32] = []
  public private(set) var hsCode: [Int32] = []
  /// Distinct commodity and HS code values, by first use.
  public private(set) var strings: [String] = []
  private var stringIndex = ByteInterner()
  /// Index of relationship `r`'s share and confidence in ``slotShare`` and ``slotConfidence``,
  /// or -1 when it gives neither.
  public private(set) var valueSlot: [Int32] = []
  /// Shares of the relationships with a slot (``missing`` where only a confidence is given).
  public private(set) var slotShare: [Double] = []
  /// Confidences of the relationships with a slot (``missing`` where only a share is given).
  public private(set) var slotConfidence: [Double] = []
  public private(set) var reportingYear = RunColumn(step: 0)
  public private(set) var line = RunColumn(step: 1)
  /// Distinct provenance file names.
  public private(set) var fileNames: [String] = []
  /// First relationship of each run of one file, ascending; ``runFiles`` holds the run's file.
  public private(set) var runStarts: [Int32] = []
  public private(set) var runFiles: [Int32] = []
  /// Relationships with a ``RelationshipExtra``, ascending.
  public private(set) var extraRows: [Int32] = []
  public private(set) var extras: [RelationshipExtra] = []
  /// First relationship of each run of JSON pointers, ascending (empty when no relationship has
  /// one). Relationship `r` of the run `k` has the pointer `pointerPrefixes[pointerRunPrefix[k]]`
  /// followed by `pointerRunFirst[k] + (r - pointerRunStarts[k])`, or none when the prefix is -1.
  public private(set) var pointerRunStarts: [Int32] = []
  public private(set) var pointerRunPrefix: [Int32] = []
  public private(set) var pointerRunFirst: [Int64] = []
  /// Distinct pointer prefixes (`/edges/`).
  public private(set) var pointerPrefixes: [String] = []

  /// Empty columns.
  public init() {}

  /// Number of relationships.
  @inlinable public var count: Int { type.count }

  /// Whether `value` encodes `nil` in ``share(_:)`` or ``confidence(_:)``.
  @inlinable public static func isMissing(_ value: Double) -> Bool { value.bitPattern == missing.bitPattern }

  /// Reserves room for `n` relationships.
  public mutating func reserveCapacity(_ n: Int) {
    type.reserveCapacity(n)
    commodity.reserveCapacity(n)
    hsCode.reserveCapacity(n)
    valueSlot.reserveCapacity(n)
    reportingYear.reserveCapacity(n)
    line.reserveCapacity(n)
  }

  /// The index of an interned commodity or HS code value, adding it when new.
  public mutating func internString(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let (index, inserted) = stringIndex.intern(bytes)
    if inserted { strings.append(String(decoding: bytes, as: UTF8.self)) }
    return index
  }

  /// The index of an interned value, or -1 for `nil`.
  public mutating func internString(_ value: String?) -> Int32 {
    guard var value else { return -1 }
    return value.withUTF8 { internString(UnsafeRawBufferPointer($0)) }
  }

  /// The index of `name` in ``fileNames``, adding it when new.
  public mutating func fileIndex(_ name: String) -> Int32 {
    if let last = fileNames.indices.last, fileNames[last].utf8Equals(name) { return Int32(last) }
    if let found = fileNames.firstIndex(where: { $0.utf8Equals(name) }) { return Int32(found) }
    fileNames.append(name)
    return Int32(fileNames.count - 1)
  }

  /// Appends one relationship's values (the common, compact case).
  ///
  /// - Parameters:
  ///   - commodity, hsCode: indices from ``internString(_:)-swift.method``, -1 for `nil`.
  ///   - share, confidence: ``missing`` for `nil`.
  ///   - year: ``noYear`` for `nil`.
  ///   - file: an index from ``fileIndex(_:)``.
  @inline(__always)
  public mutating func append(
    type: RelationshipType, commodity: Int32, hsCode: Int32, share: Double, confidence: Double, year: Int32,
    line: Int32, file: Int32
  ) {
    let row = Int32(self.type.count)
    if runFiles.last != file {
      runStarts.append(row)
      runFiles.append(file)
    }
    // A row without a pointer after rows with one (a record with one notes it after this).
    if let last = pointerRunPrefix.last, last >= 0 { notePointer(row: row, prefix: -1, index: 0) }
    self.type.append(type)
    self.commodity.append(commodity)
    self.hsCode.append(hsCode)
    if Self.isMissing(share) && Self.isMissing(confidence) {
      valueSlot.append(-1)
    } else {
      valueSlot.append(Int32(slotShare.count))
      slotShare.append(share)
      slotConfidence.append(confidence)
    }
    self.reportingYear.append(year)
    self.line.append(line)
  }

  /// Appends the values of a record.
  public mutating func append(_ record: RelationshipRecord) {
    let p = record.provenance
    var extra: RelationshipExtra?
    let lineFits = p.line.map { $0 >= 0 && $0 <= Int(Int32.max) } ?? false
    let yearFits = record.reportingYear.map { $0 > Int(Int32.min) && $0 <= Int(Int32.max) } ?? true
    let row = Int32(count)
    let indexed = p.pointer.flatMap(Self.splitPointer)
    let otherPointer = indexed == nil ? p.pointer : nil
    if !record.attributes.isEmpty || p.column != nil || p.sheet != nil || p.cell != nil || otherPointer != nil || !lineFits
      || !yearFits
    {
      extra = RelationshipExtra(
        attributes: record.attributes, line: p.line, column: p.column, sheet: p.sheet, cell: p.cell,
        reportingYear: record.reportingYear, pointer: otherPointer)
    }
    if let extra {
      extraRows.append(row)
      extras.append(extra)
    }
    defer {
      if let (prefix, index) = indexed { notePointer(row: row, prefix: pointerPrefixIndex(prefix), index: index) }
    }
    append(
      type: record.type, commodity: internString(record.commodity), hsCode: internString(record.hsCode),
      share: record.share ?? Self.missing, confidence: record.confidence ?? Self.missing,
      year: yearFits ? record.reportingYear.map { Int32($0) } ?? Self.noYear : Self.noYear,
      line: lineFits ? Int32(p.line!) : -1, file: fileIndex(p.file))
  }

  /// Appends all of `other`'s relationships after this one's (values re-interned).
  public mutating func append(contentsOf other: RelationshipColumns) {
    if count == 0 && fileNames.isEmpty && strings.isEmpty {
      self = other
      return
    }
    let base = Int32(count)
    let stringMap = other.strings.map { internString($0) }
    let fileMap = other.fileNames.map { fileIndex($0) }
    type.append(contentsOf: other.type)
    commodity.append(contentsOf: other.commodity.map { $0 < 0 ? -1 : stringMap[Int($0)] })
    hsCode.append(contentsOf: other.hsCode.map { $0 < 0 ? -1 : stringMap[Int($0)] })
    let slotBase = Int32(slotShare.count)
    valueSlot.append(contentsOf: other.valueSlot.map { $0 < 0 ? -1 : $0 + slotBase })
    slotShare.append(contentsOf: other.slotShare)
    slotConfidence.append(contentsOf: other.slotConfidence)
    reportingYear.append(contentsOf: other.reportingYear)
    line.append(contentsOf: other.line)
    for k in other.runStarts.indices {
      let file = fileMap[Int(other.runFiles[k])]
      if k == 0, runFiles.last == file { continue }
      runStarts.append(other.runStarts[k] + base)
      runFiles.append(file)
    }
    extraRows.append(contentsOf: other.extraRows.map { $0 + base })
    extras.append(contentsOf: other.extras)
    if other.pointerRunStarts.isEmpty {
      if let last = pointerRunPrefix.last, last >= 0 { notePointer(row: base, prefix: -1, index: 0) }
    } else {
      let prefixMap = other.pointerPrefixes.map { pointerPrefixIndex($0) }
      if pointerRunStarts.isEmpty, base > 0 { notePointer(row: 0, prefix: -1, index: 0) }
      for k in other.pointerRunStarts.indices {
        let prefix = other.pointerRunPrefix[k]
        notePointer(
          row: other.pointerRunStarts[k] + base, prefix: prefix < 0 ? -1 : prefixMap[Int(prefix)],
          index: other.pointerRunFirst[k])
      }
    }
  }

  /// `/edges/12` → (`/edges/`, 12): a pointer whose last token is an array index (no leading
  /// zero, at most 18 digits).
  static func splitPointer(_ pointer: String) -> (String, Int64)? {
    let utf8 = pointer.utf8
    guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
    let digits = utf8[utf8.index(after: slash)...]
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      digits.count == 1 || digits.first != 0x30
    else { return nil }
    let index = digits.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
    return (String(pointer[...slash]), index)
  }

  private mutating func pointerPrefixIndex(_ prefix: String) -> Int32 {
    if let i = pointerPrefixes.lastIndex(where: { $0.utf8Equals(prefix) }) { return Int32(i) }
    pointerPrefixes.append(prefix)
    return Int32(pointerPrefixes.count - 1)
  }

  /// Notes that relationship `row` (the last one, or the next) has pointer prefix `prefix`
  /// (-1: no pointer) with `index`: extends the last run or starts one.
  private mutating func notePointer(row: Int32, prefix: Int32, index: Int64) {
    if let start = pointerRunStarts.last, start == row {
      // The row's own earlier note (a pointerless run the plain append began): replace it.
      pointerRunStarts.removeLast()
      pointerRunPrefix.removeLast()
      pointerRunFirst.removeLast()
    }
    if let k = pointerRunStarts.indices.last, pointerRunPrefix[k] == prefix,
      prefix < 0 || pointerRunFirst[k] + Int64(row - pointerRunStarts[k]) == index
    {
      return
    }
    if pointerRunStarts.isEmpty {
      guard prefix >= 0 else { return }
      if row > 0 {
        pointerRunStarts.append(0)
        pointerRunPrefix.append(-1)
        pointerRunFirst.append(0)
      }
    }
    pointerRunStarts.append(row)
    pointerRunPrefix.append(prefix)
    pointerRunFirst.append(index)
  }

  /// The JSON pointer relationship `r` has from the runs, if any.
  @usableFromInline func runPointer(_ r: Int) -> String? {
    guard let (prefix, index) = runPointerParts(r) else { return nil }
    return pointerPrefixes[prefix] + String(index)
  }

  /// The JSON pointer relationship `r` has from the runs, in its two parts: the index of its
  /// prefix in ``pointerPrefixes`` and its last token, the array index (the pointer is the prefix
  /// followed by the index in decimal); `nil` when the runs give it none. Lets a writer copy the
  /// pointer's bytes without building its `String`.
  ///
  /// The pointer of a relationship with a ``RelationshipExtra`` whose `pointer` is set is that
  /// one instead (``values(_:)`` reads both).
  public func runPointerParts(_ r: Int) -> (prefix: Int, index: Int64)? {
    guard let first = pointerRunStarts.first, Int32(r) >= first else { return nil }
    var low = 0
    var high = pointerRunStarts.count
    while high - low > 1 {
      let mid = (low + high) / 2
      if pointerRunStarts[mid] <= Int32(r) { low = mid } else { high = mid }
    }
    let prefix = pointerRunPrefix[low]
    guard prefix >= 0 else { return nil }
    return (Int(prefix), pointerRunFirst[low] + Int64(r - Int(pointerRunStarts[low])))
  }

  /// The share of relationship `r`, ``missing`` for `nil`.
  @inlinable @inline(__always) public func share(_ r: Int) -> Double {
    let slot = valueSlot[r]
    return slot < 0 ? Self.missing : slotShare[Int(slot)]
  }

  /// The confidence of relationship `r`, ``missing`` for `nil`.
  @inlinable @inline(__always) public func confidence(_ r: Int) -> Double {
    let slot = valueSlot[r]
    return slot < 0 ? Self.missing : slotConfidence[Int(slot)]
  }

  /// The interned value at `index`, or `nil` for -1.
  @inlinable @inline(__always) public func string(_ index: Int32) -> String? { index < 0 ? nil : strings[Int(index)] }

  /// The side-table entry of relationship `r`, if any.
  @inlinable public func extra(_ r: Int) -> RelationshipExtra? {
    guard let last = extraRows.last, Int32(r) <= last else { return nil }
    var low = 0
    var high = extraRows.count
    while low < high {
      let mid = (low + high) / 2
      if extraRows[mid] < Int32(r) { low = mid + 1 } else { high = mid }
    }
    return extraRows[low] == Int32(r) ? extras[low] : nil
  }

  /// The provenance file of relationship `r`.
  @inlinable @inline(__always) public func fileName(_ r: Int) -> String {
    if runStarts.count == 1 { return fileNames[Int(runFiles[0])] }
    return fileName(searching: r)
  }

  @usableFromInline func fileName(searching r: Int) -> String {
    var low = 0
    var high = runStarts.count
    while high - low > 1 {
      let mid = (low + high) / 2
      if runStarts[mid] <= Int32(r) { low = mid } else { high = mid }
    }
    return fileNames[Int(runFiles[low])]
  }

  /// The values of relationship `r` other than endpoints and basis.
  ///
  /// Inlined, so a caller that reads one field (`graph.relationships[r].type`) lets the
  /// optimiser drop the loads and retains of the others.
  @inlinable @inline(__always)
  public func values(_ r: Int) -> (
    type: RelationshipType, commodity: String?, hsCode: String?, share: Double?, confidence: Double?,
    reportingYear: Int?, attributes: [Attribute], provenance: Provenance
  ) {
    if !extraRows.isEmpty || !pointerRunStarts.isEmpty { return valuesWithExtras(r) }
    let s = share(r)
    let c = confidence(r)
    let y = reportingYear[r]
    return (
      type[r], string(commodity[r]), string(hsCode[r]), Self.isMissing(s) ? nil : s, Self.isMissing(c) ? nil : c,
      y == Self.noYear ? nil : Int(y), [], Provenance(file: fileName(r), line: Int(line[r]))
    )
  }

  @usableFromInline
  func valuesWithExtras(_ r: Int) -> (
    type: RelationshipType, commodity: String?, hsCode: String?, share: Double?, confidence: Double?,
    reportingYear: Int?, attributes: [Attribute], provenance: Provenance
  ) {
    let s = share(r)
    let c = confidence(r)
    let y = reportingYear[r]
    var provenance = Provenance(file: fileName(r), line: Int(line[r]))
    var year = y == Self.noYear ? nil : Int(y)
    var attributes: [Attribute] = []
    if let extra = extra(r) {
      provenance = Provenance(
        file: provenance.file, line: extra.line, column: extra.column, sheet: extra.sheet, cell: extra.cell,
        pointer: extra.pointer)
      year = extra.reportingYear
      attributes = extra.attributes
    }
    if provenance.pointer == nil, let pointer = runPointer(r) { provenance.pointer = pointer }
    return (
      type[r], string(commodity[r]), string(hsCode[r]), Self.isMissing(s) ? nil : s, Self.isMissing(c) ? nil : c,
      year, attributes, provenance
    )
  }
}

/// The rare values of one relationship kept beside ``RelationshipColumns``.
public struct RelationshipExtra: Sendable, Hashable {
  public var attributes: [Attribute]
  public var line: Int?
  public var column: Int?
  public var sheet: String?
  public var cell: String?
  public var reportingYear: Int?
  /// JSON pointer of the record in a JSON input.
  public var pointer: String?

  /// Creates the side-table entry.
  public init(
    attributes: [Attribute], line: Int?, column: Int?, sheet: String?, cell: String?, reportingYear: Int?,
    pointer: String? = nil
  ) {
    self.pointer = pointer
    self.attributes = attributes
    self.line = line
    self.column = column
    self.sheet = sheet
    self.cell = cell
    self.reportingYear = reportingYear
  }
}

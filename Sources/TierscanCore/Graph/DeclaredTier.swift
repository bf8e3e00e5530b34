/// A tier that a supplier list declares for one of its suppliers (model §2.3 `tier`,
/// docs/formats.md#declared-tiers): evidence kept beside the graph and compared with the tier
/// computed from the graph (model §3), never used to compute one.
///
/// A declared tier counts from the list's **discloser**: the buyer reached by following the
/// list's own rows from supplier to buyer until a buyer that is not itself a supplier in the same
/// file (for a flat list, the row's `buyer_id`; for a list with parent suppliers, the list's
/// buyer). Only a declared tier whose discloser is the focus is compared with the focus's tiers.
public struct DeclaredTier: Sendable, Hashable {
  /// The supplier the row names (`supplier_id`).
  public var supplier: String
  /// The row's buyer (`buyer_id`, or the parent supplier a mapping gave).
  public var buyer: String
  /// The declared tier, `nil` when the cell held something that is not a tier (reported at input
  /// as `invalid-tier`; kept so the refused values are counted beside the compared ones).
  public var tier: Int?
  /// The cell as written.
  public var raw: String
  /// The list's disclosers for this row, byte-ordered: usually one; several when the row's buyer
  /// reaches several top buyers in the file; empty when the file's buyer chain loops.
  public var disclosers: [String]
  /// The row.
  public var provenance: Provenance

  /// Creates a declared tier; ``disclosers`` are filled in when the whole file has been read.
  public init(supplier: String, buyer: String, tier: Int?, raw: String, disclosers: [String] = [], provenance: Provenance) {
    self.supplier = supplier
    self.buyer = buyer
    self.tier = tier
    self.raw = raw
    self.disclosers = disclosers
    self.provenance = provenance
  }

  /// The largest tier accepted; larger values are refused as implausible (a chain of a thousand
  /// supply hops is a data error, and `1e9` must not become a number).
  public static let maximum = 999

  /// The tier a cell declares, or `nil` when it declares none that can be used.
  ///
  /// Accepted (case-insensitive, surrounding spaces ignored): a whole number 1…``maximum``
  /// written in ASCII digits (`2`, `02`), optionally with an all-zero fraction as spreadsheets
  /// export numbers (`2.0`), optionally after the word `tier` or the letter `t`, with or without
  /// spaces or one `-`/`_` directly after the word (`Tier 2`, `tier-2`, `T2`, `t 2`). Refused: 0 (the focus
  /// itself), negative numbers, exponents (`1e9`), ranges (`2-3`), `n/a`, words such as `two`,
  /// and anything above ``maximum``.
  public static func parse(_ text: String) -> Int? {
    var bytes = Substring(text.lowercased()).utf8[...]
    func trimSpaces() {
      while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
      while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
    }
    trimSpaces()
    var prefixed = true
    if bytes.starts(with: "tier".utf8) {
      bytes = bytes.dropFirst(4)
    } else if bytes.first == UInt8(ascii: "t") {
      bytes = bytes.dropFirst()
    } else {
      prefixed = false
    }
    if prefixed {
      // `Tier 2`, `tier-2`, `T_2`: spaces, or one `-`/`_` right after the word (`-1` and
      // `Tier -1` stay negative).
      if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "_") { bytes = bytes.dropFirst() }
      trimSpaces()
    }
    // An all-zero fraction: `2.0`, `2.00`.
    if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
      let fraction = bytes[bytes.index(after: dot)...]
      guard !fraction.isEmpty, fraction.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
      bytes = bytes[..<dot]
    }
    guard !bytes.isEmpty, bytes.count <= 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let value = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    return (1...maximum).contains(value) ? value : nil
  }
}

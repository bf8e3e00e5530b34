import TierscanCore

/// The smelter references of a run, indexed by CID: status references (model §2.6, first row per
/// CID wins) and look-up entries (`--smelter-lookup`, known CIDs without status).
public struct CMRTReferenceIndex: Sendable {
  /// Where a smelter's status came from.
  public enum StatusSource: String, Sendable, Hashable {
    /// A status reference row gives the CID's status.
    case reference
    /// Only a `Smelter Look-up` knows the CID: status `unknown`.
    case lookupOnly = "look-up only"
    /// References were given but none knows the CID: status `unknown`.
    case notInReference = "not in reference"
    /// The smelter has no CID: status `unknown`.
    case noCID = "no cid"
    /// No status reference and no look-up was given: status `unknown`.
    case noReference = "no reference"
  }

  private var statusByCID: [RawKey: SmelterReference] = [:]
  private var lookupByCID: [RawKey: SmelterReference] = [:]

  /// Whether at least one row with a status was given.
  public let hasStatusReference: Bool
  /// Whether at least one reference row or look-up entry was given.
  public let hasAnyReference: Bool
  /// Number of distinct CIDs known from look-ups.
  public var lookupCIDCount: Int { lookupByCID.count }

  /// Indexes status references (rows with `status == nil` are treated as look-up entries) and
  /// look-up entries; the first row per CID wins in each.
  public init(references: [SmelterReference], lookup: [SmelterReference]) {
    for reference in references {
      let key = RawKey(reference.cid)
      if reference.status != nil {
        if statusByCID[key] == nil { statusByCID[key] = reference }
      } else if lookupByCID[key] == nil {
        lookupByCID[key] = reference
      }
    }
    for entry in lookup where lookupByCID[RawKey(entry.cid)] == nil { lookupByCID[RawKey(entry.cid)] = entry }
    hasStatusReference = !statusByCID.isEmpty
    hasAnyReference = !statusByCID.isEmpty || !lookupByCID.isEmpty
  }

  /// The status reference row of `cid`, if any.
  public func statusReference(_ cid: String) -> SmelterReference? { statusByCID[RawKey(cid)] }

  /// The look-up entry of `cid`, if any.
  public func lookupEntry(_ cid: String) -> SmelterReference? { lookupByCID[RawKey(cid)] }

  /// Whether any reference or look-up knows `cid`.
  public func knows(_ cid: String) -> Bool { statusByCID[RawKey(cid)] != nil || lookupByCID[RawKey(cid)] != nil }

  /// The status of a smelter and where it came from; anything not in a status reference is
  /// `unknown` (model §3).
  public func status(of cid: String?) -> (status: SmelterStatus, source: StatusSource) {
    guard let cid else { return (.unknown, .noCID) }
    if let reference = statusByCID[RawKey(cid)], let status = reference.status { return (status, .reference) }
    if lookupByCID[RawKey(cid)] != nil { return (.unknown, .lookupOnly) }
    return (.unknown, hasAnyReference ? .notInReference : .noReference)
  }

  /// The reference country of `cid`: the status reference's, else the look-up's.
  public func country(of cid: String) -> String? {
    statusByCID[RawKey(cid)]?.country ?? lookupByCID[RawKey(cid)]?.country
  }

  /// The reference name of `cid`: the status reference's, else the look-up's.
  public func name(of cid: String) -> String? {
    statusByCID[RawKey(cid)]?.name ?? lookupByCID[RawKey(cid)]?.name
  }
}

import TierscanCore

extension CMRTRollup {
  /// A declaring company, by its graph entity id after merging.
  public struct Declarer: Sendable, Hashable {
    /// The merged entity's id (the workbook's `companyID` when the graph lacks it).
    public var entityID: String
    /// The merged entity's name.
    public var name: String
  }

  /// One distinct smelter × metal of the roll-up.
  public struct Smelter: Sendable, Hashable {
    /// The CID, or the `smelter:` graph id when the rows give no CID.
    public var smelterID: String
    /// The CID, when there is one.
    public var cid: String?
    /// The reference name (status reference, else look-up), else the first declared name.
    public var name: String?
    /// Lower-case metal; empty when the rows give none.
    public var metal: String
    /// ISO country: the reference's, else the first declared one.
    public var country: String?
    /// The status; `unknown` unless a status reference gives one.
    public var status: SmelterStatus
    /// Where the status came from (`reference`, `look-up only`, `not in reference`, …).
    public var statusSource: CMRTReferenceIndex.StatusSource
    /// The distinct companies declaring it, by entity id bytes.
    public var suppliers: [Declarer]
    /// Number of Smelter List rows declaring it (duplicates included).
    public var rows: Int
  }

  /// One returned workbook (the supplier response table).
  public struct SupplierResponse: Sendable, Hashable {
    public var file: String
    /// Company name as declared (D8).
    public var companyName: String?
    /// The declaring company in the merged graph.
    public var declarer: Declarer
    /// `CMRT` or `EMRT`.
    public var template: String
    public var version: String?
    /// Declaration scope (D9) as written.
    public var scope: String?
    /// Effective date (D22) as ISO `YYYY-MM-DD`, when recognisable.
    public var effectiveDate: String?
    /// Required fields present and their total (see docs/cmrt-rollup.md).
    public var requiredPresent: Int
    public var requiredTotal: Int
    /// Metals answered Yes in question 1, in the template's order.
    public var metalsUsed: [String]
    /// Every non-blank Smelter List row.
    public var smelterRows: Int
    /// Rows with neither a CID nor a name.
    public var unidentifiedRows: Int
    /// Distinct smelter × metal pairs among the identified rows.
    public var distinctSmelters: Int
    /// Findings located in this file, by severity.
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// The declaring company's tier relative to the focus (`nil` without focus or outside the chain).
    public var tier: Int?
  }

  /// Distinct smelters of one metal (or all metals) by status.
  public struct MetalSummary: Sendable, Hashable {
    /// Lower-case metal, or `all` for the totals.
    public var metal: String
    public var conformant: Int
    public var active: Int
    public var nonConformant: Int
    public var unknown: Int
    /// Distinct smelters.
    public var total: Int { conformant + active + nonConformant + unknown }
    /// conformant / total; `nil` without a status reference or when there are no smelters.
    public var conformantShare: Double?

    /// The count for one status.
    public func count(_ status: SmelterStatus) -> Int {
      switch status {
      case .conformant: conformant
      case .active: active
      case .nonConformant: nonConformant
      case .unknown: unknown
      }
    }
  }

  /// A company of the focus's chain that is expected to return a CMRT.
  public struct ExpectedSupplier: Sendable, Hashable {
    public var entityID: String
    public var name: String
    public var tier: Int
    /// Why it is expected, e.g. `commodity:tantalum capacitors`, `supplies:solder`,
    /// `buys:gold`, `cmrt-q1:tin` (sorted by bytes, distinct).
    public var reasons: [String]
    /// The CMRT files it returned, in input order (empty: no response).
    public var files: [String]
    /// Whether it returned at least one CMRT.
    public var returned: Bool { !files.isEmpty }
  }

  /// The response rate of the focus's chain.
  public struct ResponseRate: Sendable, Hashable {
    /// The focus entity's id.
    public var focusID: String
    /// Expected suppliers, by tier then entity id bytes.
    public var expected: [ExpectedSupplier]
    /// Companies that returned a CMRT without being expected (outside the chain, or no 3TG link).
    public var unexpectedResponders: [Declarer]
    public var expectedCount: Int { expected.count }
    public var returnedCount: Int { expected.reduce(0) { $0 + ($1.returned ? 1 : 0) } }
    /// returned / expected; `nil` when no supplier is expected.
    public var rate: Double? { expected.isEmpty ? nil : Double(returnedCount) / Double(expectedCount) }
  }
}

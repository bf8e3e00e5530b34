import TierscanCore

/// What `export --format omts` writes besides the graph: the OMTS header values and how much
/// it discloses (docs/interchange.md "OMTS export").
public struct OMTSExportOptions: Sendable {
  /// The audience the file declares and is filtered for (OMTS SPEC-004 §3).
  public enum Scope: String, Sendable, CaseIterable {
    /// Everything tierscan holds (the default: the file is the user's own graph).
    case `internal`
    /// For direct trading partners: confidential identifiers (those of persons) are left out.
    case partner
    /// For anyone: only public identifiers (LEI, DUNS, GLN, CID), no person nodes or their
    /// edges, no free-form attributes and no provenance (file names) are written.
    case `public`
  }

  /// `file_salt`: 64 lower-case hex characters. Required when the export writes boundary
  /// references (`--subgraph`); without it the salt is derived from the graph (not secret).
  public var salt: String?
  /// `snapshot_date` (`YYYY-MM-DD`); `nil`: 31 December of the latest `reporting_year`.
  public var snapshotDate: String?
  public var scope: Scope
  /// `reporting_entity`: the focus, when it is written as an organization.
  public var reportingEntity: EntityIndex?

  /// Creates options.
  public init(salt: String? = nil, snapshotDate: String? = nil, scope: Scope = .internal, reportingEntity: EntityIndex? = nil) {
    self.salt = salt
    self.snapshotDate = snapshotDate
    self.scope = scope
    self.reportingEntity = reportingEntity
  }

  /// Whether `text` is a valid `file_salt` (64 lower-case hexadecimal characters).
  public static func isValidSalt(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
  }
}

/// Why an OMTS export cannot be written (a usage problem: the command exits 64).
public enum OMTSExportError: Error, Equatable, CustomStringConvertible {
  case invalidSalt
  case invalidSnapshotDate(String)
  case noSnapshotDate
  case saltNeededForBoundaryReferences(count: Int)

  public var description: String {
    switch self {
    case .invalidSalt: "--salt must be 64 lower-case hexadecimal characters (32 bytes, e.g. from `openssl rand -hex 32`)"
    case .invalidSnapshotDate(let text): "--snapshot-date '\(text)' is not a YYYY-MM-DD date"
    case .noSnapshotDate:
      "OMTS needs a snapshot_date and no relationship gives a reporting_year to derive it from; give --snapshot-date YYYY-MM-DD"
    case .saltNeededForBoundaryReferences(let count):
      "the export replaces \(count) entit\(count == 1 ? "y" : "ies") outside --subgraph with redacted boundary_ref nodes, "
        + "whose hashes need a secret per-file salt: give --salt with 64 fresh random hex characters (e.g. `openssl rand -hex 32`)"
    }
  }
}

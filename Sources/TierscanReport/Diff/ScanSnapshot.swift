import Foundation
import TierscanCore
import TierscanIngest

/// What `diff` reads back from a scan or statement output directory: `exposures.csv` and
/// `coverage.json` (required), `graph.json` and `statement.json` (optional).
public struct ScanSnapshot: Sendable {
  /// One `exposures.csv` row.
  public struct ExposureRow: Sendable, Hashable {
    public var entityID: String
    public var name: String
    public var kind: String
    public var country: String
    public var tier: Int?
    public var category: String
    public var score: Double
    public var level: String
    public var hops: Int
    public var sourceID: String
  }

  /// One tier of `coverage.json`.
  public struct TierRow: Sendable, Hashable {
    public var tier: Int
    public var entities: Int
    public var unmapped: Int
    public var disclosed: Int
    public var disclosedShare: Double
  }

  /// An entity of `graph.json` (what the diff shows, and the keys that tie a renumbered entity
  /// to its earlier id: identifiers and aliases).
  public struct EntityRow: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    /// LEI, DUNS, VAT and CID as `graph.json` gives them.
    public var identifiers: Identifiers
    /// Other names and ids merged into the entity.
    public var aliases: [String]

    /// Creates a row.
    public init(id: String, name: String, kind: String, identifiers: Identifiers = Identifiers(), aliases: [String] = []) {
      self.id = id
      self.name = name
      self.kind = kind
      self.identifiers = identifiers
      self.aliases = aliases
    }
  }

  /// A relationship's identity: `from`, `to`, `type`, `commodity` (empty when absent).
  public struct RelationshipKey: Sendable, Hashable {
    public var from: String
    public var to: String
    public var type: String
    public var commodity: String

    /// Byte order on from, to, type, commodity.
    public func precedes(_ other: RelationshipKey) -> Bool {
      if !from.utf8Equals(other.from) { return from.utf8Precedes(other.from) }
      if !to.utf8Equals(other.to) { return to.utf8Precedes(other.to) }
      if !type.utf8Equals(other.type) { return type.utf8Precedes(other.type) }
      return commodity.utf8Precedes(other.commodity)
    }
  }

  /// A smelter's RMAP status as recorded in `statement.json`.
  public struct SmelterRow: Sendable, Hashable {
    public var id: String
    public var name: String
    public var status: String
  }

  /// Exposure rows in file order.
  public var exposures: [ExposureRow]
  /// Coverage tiers in file order.
  public var tiers: [TierRow]
  /// `graph.json` entities sorted by id, when present.
  public var entities: [EntityRow]?
  /// Distinct `graph.json` relationship keys, sorted, when present.
  public var relationships: [RelationshipKey]?
  /// Smelter statuses from `statement.json`, when present.
  public var smelters: [SmelterRow]?

  /// Creates a snapshot from parts (tests, and the statement's in-memory outputs).
  public init(
    exposures: [ExposureRow], tiers: [TierRow], entities: [EntityRow]? = nil, relationships: [RelationshipKey]? = nil,
    smelters: [SmelterRow]? = nil
  ) {
    self.exposures = exposures
    self.tiers = tiers
    self.entities = entities
    self.relationships = relationships
    self.smelters = smelters
  }

  /// Reads a directory.
  ///
  /// - Throws: ``DiffError``.
  public init(directory: String) throws(DiffError) {
    let output = try PreviousOutput(directory: directory)
    try self.init(files: output.files, directory: directory)
  }

  /// Parses output files held in memory (`exposures.csv` and `coverage.json` required).
  ///
  /// - Parameter directory: used in error messages only.
  /// - Throws: ``DiffError``.
  public init(files: [(name: String, bytes: [UInt8])], directory: String) throws(DiffError) {
    func bytes(_ name: String) -> [UInt8]? { files.first { $0.name == name }?.bytes }
    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    guard let exposuresBytes = bytes("exposures.csv") else { throw .missingFile(directory: directory, name: "exposures.csv") }
    guard let coverageBytes = bytes("coverage.json") else { throw .missingFile(directory: directory, name: "coverage.json") }
    self.exposures = try Self.parseExposures(exposuresBytes, file: path("exposures.csv"))
    self.tiers = try Self.parseCoverage(coverageBytes, file: path("coverage.json"))
    if let graph = bytes("graph.json") {
      let parsed = try Self.parseGraph(graph, file: path("graph.json"))
      self.entities = parsed.entities
      self.relationships = parsed.relationships
    }
    if let statement = bytes("statement.json") {
      self.smelters = try Self.parseSmelters(statement, file: path("statement.json"))
    }
  }
}

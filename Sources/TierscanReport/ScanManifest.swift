import TierscanCore

/// What the run manifest records besides the output digests.
public struct ScanManifest: Sendable, Hashable {
  /// One input file and its SHA-256.
  public struct Input: Sendable, Hashable {
    /// The path as shown in findings (never made absolute).
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String

    /// Creates an entry.
    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  /// Where a run's inputs came from when it read a workspace (`--workspace FILE --period P`).
  public struct WorkspaceOrigin: Sendable, Hashable {
    /// The workspace file as given.
    public var path: String
    /// The period read.
    public var period: String
    /// The newest import of that period (its number in the workspace).
    public var importID: Int64
    /// The workspace judgements in force for the period that the run applied (written only when
    /// there are any).
    public var judgements: Int

    /// Creates an origin.
    public init(path: String, period: String, importID: Int64, judgements: Int = 0) {
      self.path = path
      self.period = period
      self.importID = importID
      self.judgements = judgements
    }
  }

  /// The tool version.
  public var toolVersion: String
  /// Inputs in input order.
  public var inputs: [Input]
  /// SHA-256 of the config file as given, or of ``TierscanRisk/DefaultRiskConfig/json`` without one.
  public var configSHA256: String
  /// The workspace the inputs were read from; written as `workspace` only when set.
  public var workspace: WorkspaceOrigin? = nil

  /// Creates manifest data.
  public init(toolVersion: String, inputs: [Input], configSHA256: String) {
    self.toolVersion = toolVersion
    self.inputs = inputs
    self.configSHA256 = configSHA256
  }

  /// `manifest.json`: `tool`, `inputs`, `config`, `focus`, `counts`, `complete`, `outputs` (the
  /// other output files' names and hex SHA-256, given in any order, sorted by name here).
  func render(graph: SupplyGraph, focus: String, complete: Bool, outputDigests: [(name: String, sha256: String)]) -> String {
    let sorted = outputDigests.sorted { $0.name.utf8Precedes($1.name) }
    var fields: [(String, JSONValue)] = [
      ("tool", .object([("name", .string("tierscan")), ("version", .string(toolVersion))])),
      ("inputs", .array(inputs.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
    ]
    if let workspace {
      fields.append(
        (
          "workspace",
          .object([
            ("path", .string(workspace.path)), ("period", .string(workspace.period)),
            ("import", .number(Double(workspace.importID))),
          ] + (workspace.judgements > 0 ? [("judgements", .number(Double(workspace.judgements)))] : []))
        ))
    }
    fields += [
      ("config", .object([("sha256", .string(configSHA256))])),
      ("focus", .string(focus)),
      (
        "counts",
        .object([
          ("entities", .number(Double(graph.entityCount))), ("relationships", .number(Double(graph.relationshipCount))),
        ])
      ),
      ("complete", .bool(complete)),
      ("outputs", .array(sorted.map { .object([("file", .string($0.name)), ("sha256", .string($0.sha256))]) })),
    ]
    return JSONWriter.string(.object(fields))
  }
}

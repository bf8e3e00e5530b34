import TierscanIngest

/// What a scan-like command (`scan`, `paths`, `statement`, `export`, `cmrt`) asks for.
public struct ScanRequest: Sendable {
  /// INPUT arguments in command-line order.
  public var inputs: [String]
  /// `--focus`: an entity id (or any id merged into it).
  public var focus: String?
  /// `--config`: a risk configuration file; `nil` means the shipped defaults.
  public var configPath: String?
  /// `--smelter-lookup`: CMRT templates whose `Smelter Look-up` sheet lists known CIDs.
  public var smelterLookups: [String]
  /// How inputs are read.
  public var ingestOptions: IngestOptions
  /// Whether the input files' SHA-256 are computed on a background thread from the end of ingest
  /// on, for a manifest (``ScanPipeline/manifest(for:)``, which otherwise hashes them itself when
  /// asked). A command that writes no manifest (`resolve`) turns it off: at 1M the hashing of
  /// 330 MB took a core for ~0.2 s while the command needed both.
  public var hashesInputsInBackground = true

  /// Creates a request.
  public init(
    inputs: [String], focus: String? = nil, configPath: String? = nil, smelterLookups: [String] = [],
    ingestOptions: IngestOptions = IngestOptions()
  ) {
    self.inputs = inputs
    self.focus = focus
    self.configPath = configPath
    self.smelterLookups = smelterLookups
    self.ingestOptions = ingestOptions
  }
}

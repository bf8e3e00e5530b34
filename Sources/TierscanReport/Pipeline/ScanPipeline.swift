import Foundation
import TierscanCore
import TierscanIngest
import TierscanMatch
import TierscanRisk

/// The one pipeline every command runs (docs/architecture.md): inputs → ingest → graph →
/// reference checks → risk → results.
///
/// `validate`, `scan`, `paths`, `cmrt`, `statement` and `export` all start with
/// ``prepare(_:)``, so they report the same findings for the same inputs; ``validate(_:strict:)``
/// adds the risk stage's focus-free input checks, which ``analyze(_:focus:)`` reports too. A new
/// input kind arrives through the ``Ingestor``; new risk evidence travels in ``RiskInputs``; a
/// persistent store (TierscanWorkspace) reads its stored files through ``prepare(read:config:inputSHA256:)``.
public struct ScanPipeline: Sendable {
  /// Everything read and built.
  public struct Prepared: Sendable {
    /// What the input files held, except the entity and relationship records, which are
    /// released once ``graph`` is built (the graph holds their content).
    public var inputs: IngestedInputs
    /// The merged graph.
    public var graph: SupplyGraph
    /// Ingest and graph-building findings (the analysis adds its own).
    public var findings: [Finding]
    /// The configuration and its SHA-256.
    public var config: LoadedRiskConfig
    /// Reviewer judgements, checked and resolved against ``graph``.
    public var judgements = JudgementBook()
    /// Possible duplicate entities (reported as `possible-duplicate`, never merged).
    public var duplicates = DuplicateReport()
    /// CMRT declarers linked to entities by the matching engine (merged) or reported for review.
    public var declarerLinks = DeclarerLinker.Result()
    /// The input files' SHA-256, hashed in the background since ingest (for ``ScanPipeline/manifest(for:)``).
    var inputDigests: InputDigests? = nil
    /// The workspace, period and import the inputs came from (`--workspace`); `nil` for files.
    public var workspace: ScanManifest.WorkspaceOrigin? = nil

    /// What the risk stage reads besides the graph.
    public var riskInputs: RiskInputs {
      var risk = RiskInputs(
        riskList: inputs.riskList, countryRisk: inputs.countryRisk, smelterReferences: inputs.smelterReferences,
        audits: AuditInputs(assessments: inputs.assessments, findings: inputs.auditFindings),
        judgements: judgements)
      risk.isStatusReferenceGiven = inputs.files.contains { $0.kind == .smelterReference }
      risk.commodityVocabulary = .shipped
      risk.declaredTiers = inputs.declaredTiers
      return risk
    }
  }

  /// The tool version written into manifests.
  public static let toolVersion = "0.1.0"

  /// Creates a pipeline.
  public init() {}

  /// Reads the inputs and the configuration, runs the CMRT reference checks
  /// (``CMRTReferenceCheck``) and builds the graph.
  ///
  /// - Throws: ``ScanPipelineError`` when the configuration is unreadable or invalid.
  public func prepare(_ request: ScanRequest) throws(ScanPipelineError) -> Prepared {
    let (inputs, config, digests) = try read(request)
    return build(consume inputs, config: config, digests: digests)
  }

  /// The configuration, the inputs read (smelter look-ups appended) and their digests.
  private func read(_ request: ScanRequest) throws(ScanPipelineError) -> (IngestedInputs, LoadedRiskConfig, InputDigests?) {
    let config = try loadConfig(request.configPath)
    let ingestor = Ingestor(options: request.ingestOptions)
    var inputs = PhaseTimings.phase("ingest") { ingestor.read(arguments: request.inputs) }
    if let timings = PhaseTimings.current {
      let bytes = inputs.files.reduce(0) { total, file in
        total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
      }
      timings.addCounts("ingest", [("bytes", bytes), ("rows", inputs.entities.count + inputs.relationships.count)])
    }
    for path in request.smelterLookups {
      inputs.append(WorkbookInputReader.readSmelterLookup(InputFile(path: path), options: request.ingestOptions))
    }
    let digests = request.hashesInputsInBackground ? InputDigests(paths: inputs.files.map(\.path)) : nil
    return (inputs, config, digests)
  }

  /// What ``prepare(_:)`` does after reading, for inputs read some other way (a workspace's
  /// stored files): `inputs` are as ``Ingestor/read(arguments:)`` returns them with the smelter
  /// look-ups appended; `inputSHA256` are the digests of `inputs.files` in order.
  public func prepare(read inputs: IngestedInputs, config: LoadedRiskConfig, inputSHA256: [String]) -> Prepared {
    build(inputs, config: config, digests: InputDigests(paths: inputs.files.map(\.path), known: inputSHA256))
  }

  private func build(_ ingested: consuming IngestedInputs, config: LoadedRiskConfig, digests: InputDigests?) -> Prepared {
    var (prepared, findings) = buildKeepingFindingLog(
      consume ingested, config: config, digests: digests, keepsIngestFindings: true)
    prepared.findings = findings.findings
    return prepared
  }

  /// ``build(_:config:digests:)`` with the findings left in their log (``Prepared/findings`` is
  /// empty). Without `keepsIngestFindings`, `inputs.findings` of the result is empty too, so the
  /// ingest findings are held once (`validate`, which reads only the files' lines).
  private func buildKeepingFindingLog(
    _ ingested: consuming IngestedInputs, config: LoadedRiskConfig, digests: InputDigests?, keepsIngestFindings: Bool
  ) -> (Prepared, FindingLog) {
    var inputs = consume ingested
    inputs.findings.append(
      contentsOf: CMRTReferenceCheck.findings(
        workbooks: inputs.workbooks, references: inputs.smelterReferences, lookup: inputs.smelterLookup))
    var findings = inputs.findings
    if !keepsIngestFindings { inputs.findings = FindingLog() }
    var judgements = JudgementBook(judgements: inputs.judgements, findings: &findings)
    let builder = GraphBuilder(normalizer: NameNormalizer(legalForms: config.config.legalForms))
    let beforeGraph = findings
    var graph = PhaseTimings.phase("graph build") {
      builder.build(
        entityRecords: inputs.entities, relationshipRecords: inputs.relationships, links: judgements.merges,
        findings: &findings)
    }
    let matching = config.config
    // CMRT declarers that no identifier or exact name merged: linked through the matching engine
    // (docs/entity-resolution.md §7.1); a `same` link rebuilds the graph with the link merged.
    let declarers = Self.declarers(of: inputs.workbooks)
    var declarerLinks = DeclarerLinker.Result()
    if !declarers.isEmpty {
      var probe = judgements
      var ignored = FindingLog()
      if !judgements.isEmpty { probe.resolve(graph: graph, riskList: inputs.riskList, findings: &ignored) }
      var linkFindings = FindingLog()
      declarerLinks = PhaseTimings.phase("declarer links") {
        DeclarerLinker(config: matching.matching).link(
          declarers: declarers, in: graph, judgements: probe, findings: &linkFindings)
      }
      if !declarerLinks.links.isEmpty {
        findings = beforeGraph
        graph = PhaseTimings.phase("graph build") {
          builder.build(
            entityRecords: inputs.entities, relationshipRecords: inputs.relationships,
            links: judgements.merges + declarerLinks.links, findings: &findings)
        }
      }
      findings.append(contentsOf: linkFindings)
    }
    if !judgements.isEmpty { judgements.resolve(graph: graph, riskList: inputs.riskList, findings: &findings) }
    let reported = declarerLinks.reportedPairs
    let duplicates = PhaseTimings.phase("duplicates") {
      matching.findsDuplicates
        ? DuplicateReport(
          graph: graph, judgements: judgements, config: matching.matching,
          maxEntities: matching.duplicatesMaxEntities, reportedElsewhere: reported, findings: &findings)
        : DuplicateReport()
    }
    // The graph now holds everything the entity and relationship records said; release them so a
    // million-row scan does not keep both copies through the risk stage. Freeing a million
    // records object by object takes a while, so it happens on a background thread while the
    // caller goes on.
    let records = (inputs.entities, inputs.relationships)
    inputs.entities = []
    inputs.relationships = RelationshipRecordTable()
    // The block holds the last references; they go when it is released, after it ran there.
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(records) {} }
    let prepared = Prepared(
      inputs: inputs, graph: graph, findings: [], config: config, judgements: judgements,
      duplicates: duplicates, declarerLinks: declarerLinks,
      inputDigests: digests)
    return (prepared, findings)
  }

  /// The declaring companies of the workbooks that name one (a blank name gives an id from the
  /// file name, which says nothing about who declared).
  static func declarers(of workbooks: [CMRTWorkbook]) -> [DeclarerLinker.Declarer] {
    workbooks.compactMap { workbook in
      guard workbook.companyName != nil else { return nil }
      return DeclarerLinker.Declarer(
        id: workbook.companyID, address: workbook.declaration.address, provenance: workbook.companyProvenance)
    }
  }

  /// Resolves `id` to an entity, or throws a helpful error.
  public func focusIndex(_ id: String, in graph: SupplyGraph) throws(ScanPipelineError) -> EntityIndex {
    try entityIndex(id, in: graph, option: "focus")
  }

  /// The index of the entity `id` given to the option `option` (without dashes, e.g. `entity`),
  /// with up to three suggestions in the error when there is none.
  ///
  /// - Throws: ``ScanPipelineError/unknownFocus(id:suggestions:)`` for `focus`,
  ///   ``ScanPipelineError/unknownEntity(option:id:suggestions:)`` for any other option, and
  ///   ``ScanPipelineError/emptyGraph``.
  public func entityIndex(_ id: String, in graph: SupplyGraph, option: String) throws(ScanPipelineError) -> EntityIndex {
    if let index = graph.index(of: id) { return index }
    if graph.entityCount == 0 { throw .emptyGraph }
    let wanted = id.lowercased()
    let suggestions = Array(
      graph.entities.lazy.filter { $0.id.lowercased().contains(wanted) || $0.name.lowercased() == wanted }.prefix(3).map(\.id))
    if option == "focus" { throw .unknownFocus(id: id, suggestions: suggestions) }
    throw .unknownEntity(option: option, id: id, suggestions: suggestions)
  }

  /// Analyses a prepared graph relative to `focus`.
  ///
  /// - Parameter periodEnd: the date audit evidence is judged at (`--period-end`, a statement
  ///   year's last day); `nil` means the newest date in the audit inputs.
  /// - Parameter withAttribution: compute ``RiskAnalysis/attribution`` in the risk stage (a
  ///   scan that writes `attribution.csv`).
  public func analyze(
    _ prepared: Prepared, focus: EntityIndex, periodEnd: ISODate? = nil, withAttribution: Bool = false
  ) -> RiskAnalysis {
    var inputs = prepared.riskInputs
    inputs.audits.periodEnd = periodEnd
    return RiskEngine(config: prepared.config.config).analyze(
      graph: prepared.graph, inputs: inputs, focus: focus, timings: PhaseTimings.current,
      withAttribution: withAttribution)
  }

  /// The risk stage's checks that need no focus (unknown categories, shares over 100 %), with
  /// the run's configuration: exactly the findings ``analyze(_:focus:)`` adds.
  public func inputChecks(_ prepared: Prepared) -> [Finding] {
    RiskInputCheck.findings(graph: prepared.graph, inputs: prepared.riskInputs, config: prepared.config.config)
  }

  /// What `validate` reports: the prepared run's findings and the risk input checks.
  ///
  /// - Throws: ``ScanPipelineError`` when the configuration is unreadable or invalid.
  ///
  /// The findings stay in their compact log (``FindingLog``; with a million placeholders there are
  /// a million `unknown-entity` warnings) and are moved, not copied, into the report; the ingest
  /// findings are held once; the graph goes when this returns: the report keeps only the files'
  /// lines, the counts and the findings.
  public func validate(_ request: ScanRequest, strict: Bool) throws(ScanPipelineError) -> ValidationReport {
    let (inputs, config, digests) = try read(request)
    // Consumed, so that the records the build releases are not still held here.
    var (prepared, findings) = buildKeepingFindingLog(
      consume inputs, config: config, digests: digests, keepsIngestFindings: false)
    findings.append(contentsOf: inputChecks(prepared))
    return ValidationReport(files: prepared.inputs.files, graph: prepared.graph, findingLog: findings, strict: strict)
  }

  /// The manifest of a run: every input file's SHA-256 and the configuration's.
  public func manifest(for prepared: Prepared) -> ScanManifest {
    var manifest = fileManifest(for: prepared)
    manifest.workspace = prepared.workspace
    return manifest
  }

  private func fileManifest(for prepared: Prepared) -> ScanManifest {
    let files = prepared.inputs.files
    let background = prepared.inputDigests.flatMap { $0.paths == files.map(\.path) ? $0 : nil }
    let digests =
      background?.values
      ?? files.map { (try? SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: $0.path))) ?? "unreadable" }
    let inputs = zip(files, digests).map { file, digest in ScanManifest.Input(path: file.path, sha256: digest) }
    return ScanManifest(toolVersion: Self.toolVersion, inputs: inputs, configSHA256: prepared.config.sha256)
  }

  private func loadConfig(_ path: String?) throws(ScanPipelineError) -> LoadedRiskConfig {
    var bytes: [UInt8]?
    if let path {
      do {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      } catch {
        throw .unreadableConfig(path: path, message: "cannot read the file")
      }
    }
    do {
      return try LoadedRiskConfig(bytes: bytes)
    } catch {
      throw .invalidConfig(path: path ?? "default config", error: error)
    }
  }
}

import Foundation
import TierscanCore
import TierscanReport
import TierscanTestSupport

/// Export → import helpers and the graph comparison the OMTS round-trip tests share.
enum OMTSRoundTrip {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// `../shared/realdata/omts` beside the repository root (CI clones `shared` there).
  static let realdata = root.deletingLastPathComponent().appendingPathComponent("shared/realdata/omts")
  static let hasRealData = FileManager.default.fileExists(atPath: realdata.appendingPathComponent("valid").path)

  /// A fresh temporary directory.
  static func directory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-omts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `bytes` as `name` in `directory` and reads it back through the whole pipeline.
  static func importBytes(_ bytes: [UInt8], as name: String, in directory: URL) throws -> ScanPipeline.Prepared {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try ScanPipeline().prepare(ScanRequest(inputs: [url.path]))
  }

  /// Every difference between `a` and `b` on the fields the OMTS mapping keeps
  /// (docs/interchange.md "Round trip"): entities by id with every field (attributes as a set:
  /// OMTS-origin attributes come back in the reader's field order), relationships of `a` in
  /// `graph.json` order against `b` in input order. Provenance and `isPlaceholder` are not
  /// compared here (the tests check provenance themselves).
  static func differences(_ a: SupplyGraph, _ b: SupplyGraph) -> [String] {
    var out: [String] = []
    if a.entityCount != b.entityCount { out.append("entity count \(a.entityCount) ≠ \(b.entityCount)") }
    for (x, y) in zip(a.entities, b.entities) {
      func check<T: Equatable>(_ field: String, _ l: T, _ r: T) {
        if l != r { out.append("entity \(x.id) \(field): \(l) ≠ \(r)") }
      }
      check("id", x.id, y.id)
      check("name", x.name, y.name)
      check("kind", x.kind, y.kind)
      check("country", x.country, y.country)
      check("sector", x.sector, y.sector)
      check("commodities", x.commodities, y.commodities)
      check("identifiers", x.identifiers, y.identifiers)
      check("aliases", x.aliases, y.aliases)
      check("raw_material", x.rawMaterial, y.rawMaterial)
      check("attributes", sorted(x.attributes), sorted(y.attributes))
    }
    let order = GraphSelection(all: a).relationships
    if order.count != b.relationshipCount { out.append("relationship count \(order.count) ≠ \(b.relationshipCount)") }
    for (n, (i, j)) in zip(order, b.relationships.indices).enumerated() {
      let x = a.relationships[i]
      let y = b.relationships[j]
      func check<T: Equatable>(_ field: String, _ l: T, _ r: T) {
        if l != r { out.append("relationship \(n) (\(a[x.from].id) → \(a[x.to].id)) \(field): \(l) ≠ \(r)") }
      }
      check("from", a[x.from].id, b[y.from].id)
      check("to", a[x.to].id, b[y.to].id)
      check("type", x.type, y.type)
      check("commodity", x.commodity, y.commodity)
      check("hs_code", x.hsCode, y.hsCode)
      check("share", x.share, y.share)
      check("basis", x.basis, y.basis)
      check("confidence", x.confidence, y.confidence)
      check("reporting_year", x.reportingYear, y.reportingYear)
      check("attributes", sorted(x.attributes), sorted(y.attributes))
      check("pointer", y.provenance.pointer, "/edges/\(n)")
    }
    return out
  }

  /// Every difference between declared tiers `a` (of graph `g`) and `b` (read back from the
  /// export): the same tiers, cells and disclosers, suppliers and buyers as the graph names them
  /// (in any order: the export writes edges in `graph.json` order), each citing the edge it was
  /// written on. Disclosers that are no node of the file (`outside-…`) are not written (the file
  /// names only its own nodes).
  static func differences(_ a: [DeclaredTier], of g: SupplyGraph, _ b: [DeclaredTier], nodeIDs: Set<String>) -> [String] {
    func id(_ raw: String) -> String { g.index(of: raw).map { g[$0].id } ?? raw }
    func text(_ d: DeclaredTier, disclosers: [String]) -> String {
      "\(d.supplier) → \(d.buyer) \(d.tier.map(String.init) ?? "-") '\(d.raw)' \(disclosers)"
    }
    let left = a.map { x in
      var y = x
      (y.supplier, y.buyer) = (id(x.supplier), id(x.buyer))
      return text(y, disclosers: x.disclosers.filter { nodeIDs.contains(id($0)) }.map(id))
    }.sorted { $0.utf8Precedes($1) }
    let right = b.map { text($0, disclosers: $0.disclosers) }.sorted { $0.utf8Precedes($1) }
    var out = left == right ? [] : ["declared tiers \(left) ≠ \(right)"]
    for y in b where y.provenance.pointer?.hasPrefix("/edges/") != true { out.append("declared tier cites \(y.provenance)") }
    return out
  }

  /// Every difference between the RMAP status `a`'s references give each CID of `g` that the
  /// file writes (the first row with a status, as the risk engine takes it) and the status read
  /// back from the file's attestations, which must cite an attestation node.
  static func differences(_ a: [SmelterReference], of g: SupplyGraph, _ b: [SmelterReference]) -> [String] {
    func statuses(_ references: [SmelterReference], cids: Set<String>) -> [String: String] {
      var out: [String: String] = [:]
      for r in references where r.status != nil && cids.contains(r.cid) && out[r.cid] == nil {
        out[r.cid] = "\(r.status!.rawValue) '\(r.rawStatus ?? "")' \(r.asOf?.description ?? "-")"
      }
      return out
    }
    // Persons carry no attestation (OMTS: attested_by comes from an organisation or facility).
    let cids = Set(g.entities.filter { $0.kind != .person }.compactMap(\.identifiers.cid))
    let (left, right) = (statuses(a, cids: cids), statuses(b, cids: cids))
    var out: [String] = []
    for cid in Set(left.keys).union(right.keys).sorted() where left[cid] != right[cid] {
      out.append("\(cid): \(left[cid] ?? "none") ≠ \(right[cid] ?? "none")")
    }
    if b.count != right.count { out.append("\(b.count) references read for \(right.count) CIDs") }
    for r in b where r.provenance.pointer?.hasPrefix("/nodes/") != true { out.append("\(r.cid) cites \(r.provenance)") }
    return out
  }

  static func sorted(_ attributes: [Attribute]) -> [String] {
    attributes.map { $0.key + "=" + $0.value }.sorted { $0.utf8Precedes($1) }
  }

  /// Runs `Scripts/validate_omts_schema.py` on `files`: `nil` when Python or `jsonschema` is
  /// missing, else (exit status, output).
  static func schemaCheck(_ files: [URL]) throws -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", root.appendingPathComponent("Scripts/validate_omts_schema.py").path,
       realdata.appendingPathComponent("schema/omts-v0.1.0.schema.json").path] + files.map(\.path)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 3 || process.terminationStatus == 127 { return nil }
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

extension OMTSRoundTrip {
  /// Whether `python3` with the `jsonschema` package is available (CI installs it from
  /// spark/requirements.txt); the schema test is skipped without it.
  static let hasSchemaValidator: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()
}

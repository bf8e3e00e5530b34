import TierscanCore
import TierscanIngest
import TierscanRisk

/// The company-level CMRT roll-up (model §2.8, §4 `tierscan cmrt`): every returned workbook, the
/// distinct smelters they declare with their status, metals × status counts and — with a
/// focus — the response rate of the suppliers expected to report.
///
/// Pure and deterministic: smelters sort by smelter id bytes then metal, suppliers by input order.
public struct CMRTRollup: Sendable {
  /// Distinct smelter × metal pairs, by smelter id (CID or `smelter:` id) bytes, then metal bytes.
  public let smelters: [Smelter]
  /// One entry per workbook, in input order.
  public let suppliers: [SupplierResponse]
  /// Metals × status, 3TG metals first in the template's order (tantalum, tin, gold, tungsten),
  /// then any other metal by bytes; metals without smelters are listed only for the 3TG.
  public let metals: [MetalSummary]
  /// Totals over every metal (`metal` = `all`).
  public let total: MetalSummary
  /// The response rate; `nil` without an analysis (no `--focus`).
  public let response: ResponseRate?
  /// Whether a status reference (model §2.6) was given: without one every status is `unknown`
  /// and conformance shares are `nil`.
  public let hasStatusReference: Bool
  /// Distinct CIDs known from `--smelter-lookup` workbooks.
  public let lookupCIDCount: Int
  /// Every Smelter List row of every workbook.
  public let smelterRowCount: Int

  /// Builds the roll-up.
  ///
  /// - Parameters:
  ///   - inputs: workbooks, smelter references and look-ups as read.
  ///   - graph: the merged graph (declaring companies resolve through `graph.index(of:)`).
  ///   - analysis: with a focus, gives the tiers for the response rate.
  ///   - findings: findings counted per file; default `inputs.findings`.
  /// - Complexity: O(R log R + V + E) for R smelter rows.
  public init(inputs: IngestedInputs, graph: SupplyGraph, analysis: RiskAnalysis?, findings: [Finding]? = nil) {
    let index = CMRTReferenceIndex(references: inputs.smelterReferences, lookup: inputs.smelterLookup)
    let workbooks = inputs.workbooks
    let declarers = workbooks.map { Self.declarer(of: $0, in: graph) }
    let tiers = analysis?.tiers
    hasStatusReference = index.hasStatusReference
    lookupCIDCount = index.lookupCIDCount
    smelterRowCount = workbooks.reduce(0) { $0 + $1.smelters.count }

    smelters = Self.smelterList(workbooks: workbooks, declarers: declarers, index: index, graph: graph)
    // Built once: `FindingLog.findings` builds the findings from the compact log on each call.
    let reported = findings ?? inputs.findings.findings
    suppliers = zip(workbooks, declarers).map { workbook, declarer in
      Self.response(workbook, declarer: declarer, findings: reported, graph: graph, tiers: tiers)
    }
    (metals, total) = Self.summaries(smelters, hasStatus: index.hasStatusReference)
    if let analysis {
      response = Self.responseRate(workbooks: workbooks, declarers: declarers, graph: graph, analysis: analysis)
    } else {
      response = nil
    }
  }

  /// The number of distinct smelter × metal pairs.
  public var distinctSmelterCount: Int { smelters.count }

  /// The summary of one metal, if listed.
  public func summary(of metal: String) -> MetalSummary? { metals.first { $0.metal.utf8Equals(metal) } }

  /// The `limit` smelters declared by the most suppliers (ties: smelter id bytes, then metal).
  public func topSmelters(_ limit: Int = 10) -> [Smelter] {
    Array(
      smelters.enumerated().sorted { a, b in
        a.element.suppliers.count != b.element.suppliers.count
          ? a.element.suppliers.count > b.element.suppliers.count : a.offset < b.offset
      }.prefix(limit).map(\.element))
  }

  // MARK: - Building

  static func declarer(of workbook: CMRTWorkbook, in graph: SupplyGraph) -> Declarer {
    if let i = graph.index(of: workbook.companyID) { return Declarer(entityID: graph.entities.id(of: i), name: graph.entities.name(of: i)) }
    return Declarer(entityID: workbook.companyID, name: workbook.companyName ?? workbook.companyID)
  }

  /// The sort and grouping key of a row: smelter id + NUL + metal.
  private static func key(_ id: String, _ metal: String) -> RawKey { RawKey(id + "\u{0}" + metal) }

  private static func smelterList(
    workbooks: [CMRTWorkbook], declarers: [Declarer], index: CMRTReferenceIndex, graph: SupplyGraph
  ) -> [Smelter] {
    var byKey: [RawKey: Smelter] = [:]
    for (workbook, declarer) in zip(workbooks, declarers) {
      for row in workbook.smelters {
        guard let id = row.cid ?? row.entityID else { continue }
        let metal = row.metal ?? ""
        let k = key(id, metal)
        if var entry = byKey[k] {
          entry.rows += 1
          if !entry.suppliers.contains(where: { $0.entityID.utf8Equals(declarer.entityID) }) {
            entry.suppliers.append(declarer)
          }
          if entry.name == nil { entry.name = row.effectiveName }
          if entry.country == nil { entry.country = row.countryISO }
          byKey[k] = entry
          continue
        }
        let (status, source) = index.status(of: row.cid)
        let referenceName = row.cid.flatMap { index.name(of: $0) }
        let referenceCountry = row.cid.flatMap { index.country(of: $0) }
        byKey[k] = Smelter(
          smelterID: id, cid: row.cid, name: referenceName ?? row.effectiveName ?? graph.index(of: id).map { graph.entities.name(of: $0) },
          metal: metal, country: referenceCountry ?? row.countryISO, status: status, statusSource: source,
          suppliers: [declarer], rows: 1)
      }
    }
    return byKey.values.map { entry in
      var entry = entry
      entry.suppliers.sort { $0.entityID.utf8Precedes($1.entityID) }
      return entry
    }.sorted { a, b in
      a.smelterID.utf8Equals(b.smelterID) ? a.metal.utf8Precedes(b.metal) : a.smelterID.utf8Precedes(b.smelterID)
    }
  }

  private static func response(
    _ workbook: CMRTWorkbook, declarer: Declarer, findings: [Finding], graph: SupplyGraph, tiers: [Int?]?
  ) -> SupplierResponse {
    let (present, total) = completeness(workbook)
    var distinct: Set<RawKey> = []
    var unidentified = 0
    for row in workbook.smelters {
      if let id = row.cid ?? row.entityID { distinct.insert(key(id, row.metal ?? "")) } else { unidentified += 1 }
    }
    var counts: [Severity: Int] = [:]
    for finding in findings where finding.location?.file.utf8Equals(workbook.file) == true {
      counts[finding.severity, default: 0] += 1
    }
    let tier = tiers.flatMap { tiers in graph.index(of: declarer.entityID).flatMap { tiers[Int($0)] } }
    return SupplierResponse(
      file: workbook.file, companyName: workbook.companyName, declarer: declarer, template: workbook.template,
      version: workbook.version, scope: workbook.declaration.scope, effectiveDate: workbook.declaration.effectiveDate,
      requiredPresent: present, requiredTotal: total,
      metalsUsed: workbook.metalAnswers.filter { $0.isUsed == true }.map(\.metal.rawValue),
      smelterRows: workbook.smelters.count, unidentifiedRows: unidentified, distinctSmelters: distinct.count,
      errors: counts[.error] ?? 0, warnings: counts[.warning] ?? 0, infos: counts[.info] ?? 0, tier: tier)
  }

  /// Required fields present / total. CMRT 6.x: D8, D9, D10 (scope C only), D15, D16, D18, D20,
  /// D22 and question 1 for each of the four metals; other templates: the company name (D8).
  static func completeness(_ workbook: CMRTWorkbook) -> (present: Int, total: Int) {
    let declaration = workbook.declaration
    guard workbook.kind == .cmrt, !workbook.isOutdated, !workbook.metalAnswers.isEmpty else {
      return (workbook.companyName == nil ? 0 : 1, 1)
    }
    var fields: [String?] = [declaration.companyName, declaration.scope]
    if declaration.scopeLetter == "C" { fields.append(declaration.scopeDescription) }
    fields += [
      declaration.contactName, declaration.contactEmail, declaration.authorizerName, declaration.authorizerEmail,
      declaration.effectiveDateRaw,
    ]
    var answers = workbook.metalAnswers.map { $0.answer(1) }
    while answers.count < CMRTMetal.allCases.count { answers.append(nil) }
    fields += answers
    return (fields.reduce(0) { $0 + ($1 == nil ? 0 : 1) }, fields.count)
  }

  private static func summaries(_ smelters: [Smelter], hasStatus: Bool) -> ([MetalSummary], MetalSummary) {
    var names = CMRTMetal.allCases.map(\.rawValue)
    let others = Set(smelters.map { RawKey($0.metal) }).map(\.string).filter { !names.contains($0) }
    names += others.sorted { $0.utf8Precedes($1) }
    func summary(_ metal: String, _ members: [Smelter]) -> MetalSummary {
      var s = MetalSummary(metal: metal, conformant: 0, active: 0, nonConformant: 0, unknown: 0)
      for smelter in members {
        switch smelter.status {
        case .conformant: s.conformant += 1
        case .active: s.active += 1
        case .nonConformant: s.nonConformant += 1
        case .unknown: s.unknown += 1
        }
      }
      s.conformantShare = hasStatus && s.total > 0 ? Double(s.conformant) / Double(s.total) : nil
      return s
    }
    let metals = names.map { metal in summary(metal, smelters.filter { $0.metal.utf8Equals(metal) }) }
    return (metals, summary("all", smelters))
  }

  private static func responseRate(
    workbooks: [CMRTWorkbook], declarers: [Declarer], graph: SupplyGraph, analysis: RiskAnalysis
  ) -> ResponseRate {
    var files: [RawKey: [String]] = [:]
    var q1: [RawKey: [String]] = [:]
    for (workbook, declarer) in zip(workbooks, declarers) where workbook.kind == .cmrt {
      let key = RawKey(declarer.entityID)
      files[key, default: []].append(workbook.file)
      for answers in workbook.metalAnswers where answers.isUsed == true {
        if !(q1[key]?.contains(answers.metal.rawValue) ?? false) { q1[key, default: []].append(answers.metal.rawValue) }
      }
    }
    var expected: [ExpectedSupplier] = []
    var expectedIDs: Set<RawKey> = []
    for i in 0..<graph.entityCount {
      guard let tier = analysis.tiers[i], tier >= 1 else { continue }
      let entity = graph.entities[i]
      let key = RawKey(entity.id)
      let reasons = CMRTReportingRule.reasons(for: EntityIndex(i), in: graph, q1Metals: q1[key] ?? [])
      guard !reasons.isEmpty else { continue }
      expectedIDs.insert(key)
      expected.append(
        ExpectedSupplier(entityID: entity.id, name: entity.name, tier: tier, reasons: reasons, files: files[key] ?? []))
    }
    expected.sort { $0.tier != $1.tier ? $0.tier < $1.tier : $0.entityID.utf8Precedes($1.entityID) }
    var unexpected: [Declarer] = []
    for (workbook, declarer) in zip(workbooks, declarers) where workbook.kind == .cmrt {
      let key = RawKey(declarer.entityID)
      if !expectedIDs.contains(key), !unexpected.contains(where: { RawKey($0.entityID) == key }) {
        unexpected.append(declarer)
      }
    }
    unexpected.sort { $0.entityID.utf8Precedes($1.entityID) }
    return ResponseRate(
      focusID: graph.entities.id(of: analysis.focus), expected: expected, unexpectedResponders: unexpected)
  }
}

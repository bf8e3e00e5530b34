import TierscanCore

/// The machine-readable roll-up files: `smelters.csv`, `suppliers.csv` and `summary.json`
/// (schemas in docs/cmrt-rollup.md). CSVs go through ``CSVWriter`` (formula neutralisation).
public enum CMRTRollupFiles {
  /// `smelters.csv` header.
  public static let smelterHeader = [
    "smelter_id", "cid", "name", "metal", "country", "status", "status_source", "suppliers", "supplier_ids",
    "supplier_names", "rows",
  ]
  /// `suppliers.csv` header.
  public static let supplierHeader = [
    "file", "company", "entity_id", "entity_name", "template", "version", "scope", "effective_date",
    "required_present", "required_total", "metals_used", "smelter_rows", "unidentified_rows", "distinct_smelters",
    "errors", "warnings", "infos", "tier",
  ]

  /// One row per distinct smelter × metal, in roll-up order.
  public static func smeltersCSV(_ rollup: CMRTRollup) -> String {
    var writer = CSVWriter(header: smelterHeader)
    for s in rollup.smelters {
      writer.writeRow([
        s.smelterID, s.cid ?? "", s.name ?? "", s.metal, s.country ?? "", s.status.rawValue, s.statusSource.rawValue,
        String(s.suppliers.count), s.suppliers.map(\.entityID).joined(separator: ";"),
        s.suppliers.map(\.name).joined(separator: ";"), String(s.rows),
      ])
    }
    return writer.text
  }

  /// One row per workbook, in input order.
  public static func suppliersCSV(_ rollup: CMRTRollup) -> String {
    var writer = CSVWriter(header: supplierHeader)
    for r in rollup.suppliers {
      writer.writeRow([
        r.file, r.companyName ?? "", r.declarer.entityID, r.declarer.name, r.template, r.version ?? "", r.scope ?? "",
        r.effectiveDate ?? "", String(r.requiredPresent), String(r.requiredTotal), r.metalsUsed.joined(separator: ";"),
        String(r.smelterRows), String(r.unidentifiedRows), String(r.distinctSmelters), String(r.errors),
        String(r.warnings), String(r.infos), r.tier.map(String.init) ?? "",
      ])
    }
    return writer.text
  }

  /// `summary.json`: counts, metals × status, the response rate and the top smelters.
  public static func summaryJSON(_ rollup: CMRTRollup, topSmelters: Int = 10) -> String {
    let value: JSONValue = .object([
      ("workbooks", .number(Double(rollup.suppliers.count))),
      ("smelter_rows", .number(Double(rollup.smelterRowCount))),
      ("distinct_smelters", .number(Double(rollup.distinctSmelterCount))),
      ("status_reference", .bool(rollup.hasStatusReference)),
      ("lookup_cids", .number(Double(rollup.lookupCIDCount))),
      ("metals", .array(rollup.metals.map(metal))),
      ("total", metal(rollup.total)),
      ("response", rollup.response.map(response) ?? .null),
      (
        "top_smelters",
        .array(
          rollup.topSmelters(topSmelters).map { s in
            .object([
              ("smelter_id", .string(s.smelterID)), ("metal", .string(s.metal)),
              ("status", .string(s.status.rawValue)), ("suppliers", .number(Double(s.suppliers.count))),
            ])
          })
      ),
    ])
    return JSONWriter.string(value)
  }

  static func metal(_ s: CMRTRollup.MetalSummary) -> JSONValue {
    .object([
      ("metal", .string(s.metal)), ("conformant", .number(Double(s.conformant))),
      ("active", .number(Double(s.active))), ("non-conformant", .number(Double(s.nonConformant))),
      ("unknown", .number(Double(s.unknown))), ("total", .number(Double(s.total))),
      ("conformant_share", .optional(s.conformantShare)),
    ])
  }

  static func response(_ r: CMRTRollup.ResponseRate) -> JSONValue {
    .object([
      ("focus", .string(r.focusID)), ("expected", .number(Double(r.expectedCount))),
      ("returned", .number(Double(r.returnedCount))), ("rate", .optional(r.rate)),
      (
        "suppliers",
        .array(
          r.expected.map { e in
            .object([
              ("entity_id", .string(e.entityID)), ("name", .string(e.name)), ("tier", .number(Double(e.tier))),
              ("returned", .bool(e.returned)), ("reasons", .array(e.reasons.map { .string($0) })),
              ("files", .array(e.files.map { .string($0) })),
            ])
          })
      ),
      (
        "unexpected_responders",
        .array(r.unexpectedResponders.map { .object([("entity_id", .string($0.entityID)), ("name", .string($0.name))]) })
      ),
    ])
  }
}

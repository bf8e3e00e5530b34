import TierscanCore
import TierscanRisk

/// `statement.json`: `statement` (focus, year, regimes), `reproducibility` (tool, input and config
/// SHA-256s, counts, completeness), `figures` (by key) and `sections` (provision, title, the figure
/// keys it cites, placeholders).
public enum StatementJSON {
  /// The file's text.
  public static func render(_ document: StatementDocument) -> String { JSONWriter.string(object(document)) }

  /// The top-level object.
  public static func object(_ d: StatementDocument) -> JSONValue {
    let f = d.figures
    let manifest = d.manifest
    return .object([
      (
        "statement",
        .object([
          ("focus", .object([("id", .string(f.focusID)), ("name", .string(f.focusName)), ("country", .optional(f.focusCountry))])),
          ("year", .number(Double(d.year))), ("regimes", .array(d.regimes.regimes.map { .string($0.rawValue) })),
          ("previous", .optional(d.previousLabel)),
        ])
      ),
      (
        "reproducibility",
        .object([
          ("tool", .object([("name", .string("tierscan")), ("version", .string(manifest.toolVersion))])),
          ("inputs", .array(manifest.inputs.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
          ("config", .object([("sha256", .string(manifest.configSHA256))])),
          ("counts", .object([("entities", .number(Double(d.entityCount))), ("relationships", .number(Double(d.relationshipCount)))])),
          ("complete", .bool(d.isComplete)),
        ])
      ),
      ("figures", .object(figureKeys(d).map { ($0.rawValue, figure($0, d)) })),
      (
        "sections",
        .array(
          d.sections.map { s in
            .object([
              ("regime", .string(s.regime.rawValue)), ("provision", .string(s.provision)), ("title", .string(s.title)),
              ("figures", .array(s.figures.map { .string($0.rawValue) })),
              (
                "placeholders",
                .array(s.placeholders.map { .object([("id", .string($0.id)), ("prompt", .string($0.prompt)), ("text", .null)]) })
              ),
            ])
          })
      ),
    ])
  }

  /// Every figure key the document has, in a fixed order.
  static func figureKeys(_ d: StatementDocument) -> [StatementFigure] {
    StatementFigure.allCases.filter { $0 != .change || d.change != nil }
  }

  static func counts(_ counts: [StatementFigures.Count]) -> JSONValue {
    .array(counts.map { .object([("key", .string($0.key)), ("count", .number(Double($0.count)))]) })
  }

  static func flag(_ f: StatementFigures.Flag) -> JSONValue {
    .object([
      ("entity_id", .string(f.entityID)), ("name", .string(f.name)), ("country", .optional(f.country)),
      ("tier", .number(Double(f.tier))), ("category", .string(f.category)), ("level", .string(f.level.rawValue)),
      ("score", .number(f.score)), ("source_id", .string(f.sourceID)), ("hops", .number(Double(f.hops))),
      ("path", f.pathIndex >= 0 ? .object([("file", .string("paths.json")), ("index", .number(Double(f.pathIndex)))]) : .null),
    ])
  }

  static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

  static func composition(_ c: ChainComposition) -> JSONValue {
    .object([
      ("entities", .number(Double(c.entities))), ("suppliers", .number(Double(c.suppliers))),
      ("companies", .number(Double(c.companies))), ("facilities", .number(Double(c.facilities))),
      ("raw_material_producers", .number(Double(c.rawMaterialProducers))), ("smelters", .number(Double(c.smelters))),
      ("mines", .number(Double(c.mines))), ("other", .number(Double(c.other))),
      ("can_be_unmapped", .number(Double(c.canBeUnmapped))), ("unmapped", .number(Double(c.unmapped))),
      ("unmapped_share", .number(c.unmappedShare)),
    ])
  }

  static func exposureCounts(_ c: ExposureCounts) -> JSONValue {
    .object([
      ("entities", .number(Double(c.entities))), ("entity_category_pairs", .number(Double(c.pairs))),
      ("high_or_critical_entities", .number(Double(c.highOrCriticalEntities))),
      ("high_or_critical_pairs", .number(Double(c.highOrCriticalPairs))),
      (
        "by_level",
        .array(c.levels.map { .object([("level", .string($0.level.rawValue)), ("entities", .number(Double($0.entities))), ("entity_category_pairs", .number(Double($0.pairs)))]) })
      ),
    ])
  }

  static func statusAge(_ a: SmelterStatusAge) -> JSONValue {
    .object([
      ("rows", .number(Double(a.rows))), ("dated", .number(Double(a.dated))),
      ("oldest", .optional(a.oldest?.description)), ("newest", .optional(a.newest?.description)),
      ("period_end", .optional(a.periodEnd?.description)),
      ("oldest_age_days", .optional(a.oldestAgeDays)), ("newest_age_days", .optional(a.newestAgeDays)),
    ])
  }

  /// One figure as JSON.
  static func figure(_ key: StatementFigure, _ d: StatementDocument) -> JSONValue {
    let f = d.figures
    switch key {
    case .organisation:
      return .object([("id", .string(f.focusID)), ("name", .string(f.focusName)), ("country", .optional(f.focusCountry))])
    case .structure:
      return .object([
        ("suppliers_in_chain", .number(Double(f.suppliersInChain))),
        ("composition", composition(f.composition)),
        (
          "by_tier",
          .array(f.byTier.map { .object([("tier", .number(Double($0.tier))), ("entities", .number(Double($0.entities))), ("by_kind", counts($0.byKind))]) })
        ),
        ("by_country", counts(f.byCountry)), ("by_sector", counts(f.bySector)),
        ("entities_outside_chain", .number(Double(f.untiered))),
      ])
    case .ownership: return .object([("controlled_entities", strings(f.controlledEntities))])
    case .focusExposure:
      return .array(
        f.focusExposures.map { e in
          guard case .object(var pairs) = flag(e) else { return .null }
          let tie = f.focusTies.first { $0.name.utf8Equals(e.category) }
          pairs.append(("other_sources_same_score", .number(Double(tie?.otherTiedSources ?? 0))))
          pairs.append(("sources_reaching", .number(Double(tie?.sourcesReaching ?? 0))))
          return .object(pairs)
        })
    case .unassessed:
      return .array(
        f.unassessed.map { c in
          .object([
            ("category", .string(c.name)), ("entities", .number(Double(c.entities))), ("unassessed", .number(Double(c.total))),
            ("by_reason", .object(c.reasons.map { ($0.reason.rawValue, .number(Double($0.count))) })),
          ])
        })
    case .riskSources:
      return .object([
        ("high_risk_countries", strings(f.highRiskCountries)),
        (
          "country_commodity",
          .array(
            f.countryCommodityRisks.map {
              .object([
                ("country", .string($0.country)), ("commodity", .string($0.commodity)), ("category", .string($0.category)),
                ("source", .string($0.source)), ("entities", strings($0.entities)),
              ])
            })
        ),
        (
          "list_matches",
          .array(
            f.listMatches.map {
              .object([
                ("entity_id", .string($0.entityID)), ("name", .string($0.name)), ("category", .string($0.category)),
                ("rule", .string($0.rule)), ("list", .string($0.list)),
              ])
            })
        ),
        (
          "reasons",
          .array(
            f.sourceReasons.map {
              .object([
                ("source_id", .string($0.sourceID)), ("name", .string($0.name)), ("tier", .optional($0.tier)),
                ("category", .string($0.category)), ("rule", .string($0.rule.id)), ("score", .number($0.score)),
                ("detail", .string($0.detail)), ("row", .string($0.row)),
              ])
            })
        ),
      ])
    case .flagged:
      return .object([
        ("by_level", counts(f.flaggedByLevel)),
        ("below_focus", exposureCounts(f.exposureCounts)),
        ("by_category", .array(f.flaggedByCategory.map { .object([("category", .string($0.category)), ("levels", counts($0.levels))]) })),
        ("entities", .array(f.flags.map(flag))),
      ])
    case .coverage:
      return .array(
        f.coverage.map {
          .object([
            ("tier", .number(Double($0.tier))), ("entities", .number(Double($0.entities))),
            ("unmapped", .number(Double($0.unmappedIDs.count))), ("disclosed", .number(Double($0.disclosed))),
            ("disclosed_share", .number($0.disclosedShare)), ("unmapped_ids", strings($0.unmappedIDs)),
          ])
        })
    case .coverageKPIs:
      return .object([
        ("suppliers_in_chain", .number(Double(f.suppliersInChain))),
        ("can_be_unmapped", .number(Double(f.composition.canBeUnmapped))),
        ("unmapped", .number(Double(f.composition.unmapped))),
        ("unmapped_share", .number(f.unmappedShare)),
        ("cmrt_response_rate", .optional(f.cmrt.responseRate)),
        ("flagged_high_or_critical", .number(Double(f.flags.filter { $0.level >= .high }.count))),
        ("below_focus_high_or_critical_entities", .number(Double(f.exposureCounts.highOrCriticalEntities))),
        ("below_focus_high_or_critical_pairs", .number(Double(f.exposureCounts.highOrCriticalPairs))),
      ])
    case .cmrt:
      return .object([
        ("workbooks", .number(Double(f.cmrt.responses.count))),
        ("expected", strings(f.cmrt.expected)), ("responded", strings(f.cmrt.responded)),
        ("response_rate", .optional(f.cmrt.responseRate)),
        (
          "responses",
          .array(
            f.cmrt.responses.map {
              .object([
                ("file", .string($0.file)), ("entity_id", .string($0.entityID)), ("name", .string($0.name)),
                ("tier", .optional($0.tier)), ("template", .string($0.template)), ("version", .optional($0.version)),
                ("scope", .optional($0.scope)), ("effective_date", .optional($0.effectiveDate)),
                ("smelter_rows", .number(Double($0.smelterRows))),
              ])
            })
        ),
      ])
    case .smelters:
      return .object([
        ("assessed", .bool(f.cmrt.isAssessed)), ("by_status", counts(f.cmrt.statusCounts)),
        (
          "entities",
          .array(
            f.cmrt.smelters.map {
              .object([
                ("id", .string($0.id)), ("cid", .optional($0.cid)), ("name", .string($0.name)),
                ("country", .optional($0.country)), ("tier", .number(Double($0.tier))), ("status", .string($0.status)),
                ("as_of", .optional($0.asOf)),
              ])
            })
        ),
        ("status_age", statusAge(f.statusAge)),
      ])
    case .referenceData: return .object([("missing", strings(f.missingReferenceData)), ("smelter_status_age", statusAge(f.statusAge))])
    case .dataQuality:
      return .object([
        ("findings", counts(f.findingsBySeverity)),
        (
          "by_rule",
          .array(f.findingsByRule.map { .object([("rule", .string($0.rule)), ("severity", .string($0.severity.rawValue)), ("count", .number(Double($0.count)))]) })
        ),
        ("complete", .bool(d.isComplete)),
      ])
    case .change: return d.change?.object() ?? .null
    case .assessments, .auditFindings: return auditFigure(key, f.audits)
    case .remediation:
      guard case .object(var pairs) = auditFigure(key, f.audits) else { return .null }
      if d.change != nil {
        pairs.append(("kpis_previous", .object(AuditKPIs.values(f.audits).map { ($0.name, .optional(d.previousKPIs[$0.name])) })))
      }
      return .object(pairs)
    }
  }
}

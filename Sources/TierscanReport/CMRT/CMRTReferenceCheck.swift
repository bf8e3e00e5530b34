import TierscanCore
import TierscanIngest

/// Reference checks on CMRT Smelter List rows (model §2.8 "Template checks"), run by
/// ``ScanPipeline/prepare(_:)`` so that every scan-like command reports them:
/// - `cid-not-in-reference` (warning): a row's CID is unknown to every status reference and
///   every look-up; only when at least one reference or look-up was given.
/// - `smelter-country-mismatch` (warning): the row's country (ISO) differs from the reference
///   country of its CID (the status reference's, else the look-up's).
///
/// Each finding is located at the row's provenance (file, row, sheet `Smelter List`, CID cell).
public enum CMRTReferenceCheck {
  /// The findings for every workbook's smelter rows, in workbook then row order.
  public static func findings(
    workbooks: [CMRTWorkbook], references: [SmelterReference], lookup: [SmelterReference]
  ) -> [Finding] {
    findings(workbooks: workbooks, index: CMRTReferenceIndex(references: references, lookup: lookup))
  }

  /// The findings against an existing index.
  public static func findings(workbooks: [CMRTWorkbook], index: CMRTReferenceIndex) -> [Finding] {
    guard index.hasAnyReference else { return [] }
    var findings: [Finding] = []
    for workbook in workbooks {
      for row in workbook.smelters {
        guard let cid = row.cid else { continue }
        guard index.knows(cid) else {
          findings.append(
            Finding(
              .warning, .cidNotInReference, at: row.provenance,
              "smelter \(cid) (\(row.metal ?? "no metal")) is not in any smelter reference or look-up",
              evidence: [Attribute("cid", cid)]))
          continue
        }
        if let declared = row.countryISO, let reference = index.country(of: cid), !declared.utf8Equals(reference) {
          findings.append(
            Finding(
              .warning, .smelterCountryMismatch, at: row.provenance,
              "smelter \(cid) is declared in \(declared) but the reference places it in \(reference)",
              evidence: [
                Attribute("cid", cid), Attribute("declared_country", declared),
                Attribute("reference_country", reference),
              ]))
        }
      }
    }
    return findings
  }
}

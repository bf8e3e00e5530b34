import Foundation
import TierscanCore

/// The human-readable roll-up (`tierscan cmrt` stdout and `rollup.md`): metals × status,
/// supplier responses, the response rate (with a focus) and the top smelters.
public enum CMRTRollupMarkdown {
  /// The Markdown text.
  public static func render(_ rollup: CMRTRollup, topSmelters: Int = 10) -> String {
    var text = "# CMRT roll-up\n\n"
    text += "\(rollup.suppliers.count) workbook(s), \(rollup.smelterRowCount) Smelter List row(s), "
    text += "\(rollup.distinctSmelterCount) distinct smelter(s) (smelter × metal). "
    text += "Status reference: \(rollup.hasStatusReference ? "given" : "none (every status is unknown)"); "
    text += "look-up CIDs: \(rollup.lookupCIDCount).\n\n"

    text += "## Smelters by metal and status\n\n"
    text += "| metal | conformant | active | non-conformant | unknown | total | conformant share |\n"
    text += "|---|---:|---:|---:|---:|---:|---:|\n"
    for s in rollup.metals + [rollup.total] {
      let name = s.metal.isEmpty ? "(none)" : s.metal
      text += "| \(cell(name)) | \(s.conformant) | \(s.active) | \(s.nonConformant) | \(s.unknown) | \(s.total) | "
      text += "\(s.conformantShare.map(percent) ?? "n/a") |\n"
    }

    text += "\n## Supplier responses\n\n"
    if rollup.suppliers.isEmpty {
      text += "No CMRT workbooks among the inputs.\n"
    } else {
      text += "| file | company | entity | template | scope | effective date | required fields | metals used "
      text += "| rows | smelters | errors | warnings |\n"
      text += "|---|---|---|---|---|---|---:|---|---:|---:|---:|---:|\n"
      for r in rollup.suppliers {
        let template = r.template + (r.version.map { " " + $0 } ?? "")
        text += "| \(cell(r.file)) | \(cell(r.companyName ?? "")) | \(cell(r.declarer.entityID)) | \(cell(template)) "
        text += "| \(cell(r.scope ?? "")) | \(r.effectiveDate ?? "") | \(r.requiredPresent)/\(r.requiredTotal) "
        text += "| \(cell(r.metalsUsed.joined(separator: ", "))) | \(r.smelterRows) | \(r.distinctSmelters) "
        text += "| \(r.errors) | \(r.warnings) |\n"
      }
    }

    if let response = rollup.response {
      text += "\n## Response rate (focus \(cell(response.focusID)))\n\n"
      text += "\(response.returnedCount) of \(response.expectedCount) supplier(s) expected to report returned a CMRT"
      text += response.rate.map { " (\(percent($0)))" } ?? ""
      text += ".\n\n"
      if !response.expected.isEmpty {
        text += "| entity | name | tier | returned | why expected |\n|---|---|---:|---|---|\n"
        for e in response.expected {
          text += "| \(cell(e.entityID)) | \(cell(e.name)) | \(e.tier) | \(e.returned ? "yes" : "**no**") "
          text += "| \(cell(e.reasons.joined(separator: ", "))) |\n"
        }
      }
      if !response.unexpectedResponders.isEmpty {
        let names = response.unexpectedResponders.map { "\($0.entityID) (\($0.name))" }.joined(separator: ", ")
        text += "\nReturned a CMRT without being expected: \(cell(names)).\n"
      }
    }

    let top = rollup.topSmelters(topSmelters)
    if !top.isEmpty {
      text += "\n## Top smelters by declaring suppliers\n\n"
      text += "| smelter | name | metal | country | status | suppliers | declared by |\n|---|---|---|---|---|---:|---|\n"
      for s in top {
        let status = s.status.rawValue + (s.statusSource == .reference ? "" : " (\(s.statusSource.rawValue))")
        text += "| \(cell(s.smelterID)) | \(cell(s.name ?? "")) | \(cell(s.metal)) | \(s.country ?? "") | \(status) "
        text += "| \(s.suppliers.count) | \(cell(s.suppliers.map(\.entityID).joined(separator: ", "))) |\n"
      }
    }
    return text
  }

  /// A share as a percentage with one decimal, e.g. `66.7 %`.
  static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

  /// A table cell: `|` escaped, line breaks as spaces.
  static func cell(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r", "\r\n": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}

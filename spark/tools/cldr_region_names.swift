// Writes the English (en_US) region names Foundation gives each ISO 3166-1 alpha-2 code, as JSON:
// tierscan's country resolver (Sources/TierscanIngest/Reference/CountryResolver.swift) reads
// these CLDR names; tierscan-spark reads the generated tierscan_spark/data/cldr-region-names.json.
//   swiftc -O tools/cldr_region_names.swift -o /tmp/cldr && /tmp/cldr $(codes) > tierscan_spark/data/cldr-region-names.json
import Foundation
let codes = CommandLine.arguments.dropFirst()
let english = Locale(identifier: "en_US")
var out: [String] = []
for code in codes.sorted() {
  if let name = english.localizedString(forRegionCode: code) {
    let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    out.append("  \"\(code)\": \"\(escaped)\"")
  }
}
print("{\n" + out.joined(separator: ",\n") + "\n}")

import Foundation
import TierscanCore

/// Resolves country values as real exports write them to ISO 3166-1 alpha-2 codes (model §2),
/// the one resolver every reader uses (CSV, XML disclosures, CMRT workbooks, the ILAB list).
///
/// Order: an assigned alpha-2 code in any case (as given, no finding); `UK`; an alpha-3 code in
/// any case (`CHN`); caller-supplied aliases (e.g. the ILAB mapping's); the shipped, editable
/// alias table `Resources/country-aliases.json` (ISO short, formal and common names and variants
/// such as `Viet Nam`, `Türkiye`, `Korea, Republic of`, `Lao PDR`); the English region names of
/// the platform's locale data (CLDR). Names are compared after folding case and diacritics,
/// reading `&` as `and` and `St.` as `Saint`, and dropping other punctuation and a leading `the`.
/// A name with a parenthesis is also tried without it and as the parenthesis alone;
/// `Korea, South` is also tried as `South Korea`.
public enum CountryResolver {
  /// The resolution of `raw` (trimmed here).
  ///
  /// - Parameter aliases: normalised name (see ``normalize(_:)``) → code, consulted before the
  ///   shipped table.
  public static func resolve(_ raw: String, aliases: [String: String] = [:]) -> CountryResolution {
    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return .unknown }
    let utf8 = trimmed.utf8
    if utf8.count == 2 {
      switch CountryCode.read(trimmed) {
      case .valid(let code): return .code(code)
      case .repairedUK: return .resolved("GB")
      case .unassigned: break
      }
    }
    if utf8.count == 3, let code = tables.alpha3[trimmed.uppercased()] { return .resolved(code) }
    for key in keys(for: trimmed) {
      if let code = aliases[key] ?? tables.names[key] { return .resolved(code) }
    }
    return .unknown
  }

  /// The alpha-2 code for a country value, or `nil`.
  public static func code(for raw: String, aliases: [String: String] = [:]) -> String? {
    resolve(raw, aliases: aliases).code
  }

  /// The lookup keys of a name, most specific first.
  static func keys(for name: String) -> [String] {
    var variants = [name]
    if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
      variants.append(String(name[..<open]) + String(name[name.index(after: close)...]))
      variants.append(String(name[name.index(after: open)..<close]))
    }
    let parts = name.split(separator: ",", maxSplits: 1)
    if parts.count == 2 { variants.append(parts[1] + " " + parts[0]) }
    var keys: [String] = []
    for variant in variants {
      let key = normalize(variant)
      if !key.isEmpty && !keys.contains(key) { keys.append(key) }
    }
    return keys
  }

  /// The comparison key of a name.
  public static func normalize(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if scalar == "'" || scalar == "\u{2019}" || scalar == "." { continue }
      if scalar == "&" {
        if !current.isEmpty { words.append(current) }
        current = ""
        words.append("and")
        continue
      }
      if CharacterSet.alphanumerics.contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    if words.first == "the" { words.removeFirst() }
    return words.map { $0 == "st" ? "saint" : $0 }.joined(separator: " ")
  }

  /// The lookup tables, built once.
  private static let tables = CountryAliasTable.shipped
}

/// The shipped alias table (`Resources/country-aliases.json`) joined with the platform's
/// English region names: normalised name → code, and alpha-3 → alpha-2.
struct CountryAliasTable: Sendable {
  let names: [String: String]
  let alpha3: [String: String]

  static let shipped: CountryAliasTable = {
    var names: [String: String] = [:]
    let english = Locale(identifier: "en_US")
    for code in CountryCode.assigned.sorted() {
      if let name = english.localizedString(forRegionCode: code) { names[CountryResolver.normalize(name)] = code }
    }
    var alpha3: [String: String] = [:]
    if let url = Bundle.module.url(forResource: "country-aliases", withExtension: "json", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(bytes: Array(data))
    {
      // The table wins over the region names: it is the part users edit.
      for (name, value) in json["names"]?.objectValue ?? [] {
        if let code = value.stringValue, CountryCode.assigned.contains(code) {
          names[CountryResolver.normalize(name)] = code
        }
      }
      for (key, value) in json["alpha3"]?.objectValue ?? [] {
        if let code = value.stringValue, CountryCode.assigned.contains(code) { alpha3[key.uppercased()] = code }
      }
    }
    return CountryAliasTable(names: names, alpha3: alpha3)
  }()
}

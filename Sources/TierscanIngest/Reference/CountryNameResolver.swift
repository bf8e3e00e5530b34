import Foundation
import TierscanCore

/// Maps country names as suppliers, RMI templates and the ILAB list write them (`CHINA`,
/// `United States Of America`, `KOREA, REPUBLIC OF`, `Viet Nam`, `Myanmar (Burma)`,
/// `Korea, South`) to ISO 3166-1 alpha-2 codes. Shared by the CMRT and XML readers.
///
/// Sources, in order: caller-supplied aliases (e.g. the editable ILAB mapping); an assigned
/// alpha-2 code given as is; the English region names of Foundation's locale data (CLDR, e.g.
/// `South Korea`); a fixed table of ISO 3166 formal names and common variants that differ from
/// CLDR's. Names are compared after folding case and diacritics, reading `&` as `and` and `St.`
/// as `Saint`, and dropping other punctuation and a leading `the`. A name with a parenthesis is
/// also tried without it and as the parenthesis alone; `Korea, South` also as `South Korea`.
enum CountryNameResolver {
  /// The alpha-2 code for a country name or code, or `nil`.
  ///
  /// - Parameter aliases: normalised name (see ``normalize(_:)``) → code, consulted first.
  static func code(for name: String, aliases: [String: String] = [:]) -> String? {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.utf8.count == 2, case .valid(let code) = CountryCode.read(trimmed) { return code }
    for key in keys(for: trimmed) {
      if let code = aliases[key] ?? table[key] { return code }
    }
    return nil
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
  static func normalize(_ name: String) -> String {
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

  /// ISO 3166 short names and variants that differ from CLDR's English names.
  private static let variants: [(String, String)] = [
    ("CHINA", "CN"), ("BRITISH INDIAN OCEAN TERRITORY", "IO"), ("SAINT VINCENT AND THE GRENADINES", "VC"),
    ("BOLIVIA (PLURINATIONAL STATE OF)", "BO"), ("BONAIRE, SINT EUSTATIUS AND SABA", "BQ"),
    ("BRUNEI DARUSSALAM", "BN"), ("CABO VERDE", "CV"), ("CONGO", "CG"), ("REPUBLIC OF THE CONGO", "CG"),
    ("CONGO, DEMOCRATIC REPUBLIC OF THE", "CD"), ("CONGO, THE DEMOCRATIC REPUBLIC OF THE", "CD"),
    ("DEMOCRATIC REPUBLIC OF THE CONGO", "CD"), ("DEMOCRATIC REPUBLIC OF CONGO", "CD"), ("DRC", "CD"),
    ("COTE D'IVOIRE", "CI"), ("IVORY COAST", "CI"), ("CZECH REPUBLIC", "CZ"),
    ("FALKLAND ISLANDS (MALVINAS)", "FK"), ("HOLY SEE", "VA"), ("HONG KONG SAR CHINA", "HK"),
    ("IRAN, ISLAMIC REPUBLIC OF", "IR"), ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "KP"),
    ("KOREA, REPUBLIC OF", "KR"), ("REPUBLIC OF KOREA", "KR"), ("KOREA", "KR"),
    ("LAO PEOPLE'S DEMOCRATIC REPUBLIC", "LA"), ("MACAO", "MO"), ("MACAU", "MO"),
    ("MACEDONIA, THE FORMER YUGOSLAV REPUBLIC OF", "MK"), ("MICRONESIA, FEDERATED STATES OF", "FM"),
    ("MOLDOVA, REPUBLIC OF", "MD"), ("MYANMAR", "MM"), ("BURMA", "MM"), ("PALESTINE, STATE OF", "PS"),
    ("PITCAIRN", "PN"), ("RUSSIAN FEDERATION", "RU"), ("SAINT HELENA, ASCENSION AND TRISTAN DA CUNHA", "SH"),
    ("SAINT MARTIN (FRENCH PART)", "MF"), ("SINT MAARTEN (DUTCH PART)", "SX"), ("SWAZILAND", "SZ"),
    ("SYRIAN ARAB REPUBLIC", "SY"), ("TAIWAN, PROVINCE OF CHINA", "TW"), ("TANZANIA, UNITED REPUBLIC OF", "TZ"),
    ("TURKEY", "TR"), ("TURKIYE", "TR"), ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GB"),
    ("GREAT BRITAIN", "GB"), ("UNITED STATES OF AMERICA", "US"), ("USA", "US"),
    ("UNITED STATES MINOR OUTLYING ISLANDS", "UM"), ("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "VE"),
    ("VIET NAM", "VN"), ("VIRGIN ISLANDS (BRITISH)", "VG"), ("VIRGIN ISLANDS (U.S.)", "VI"),
    ("HEARD ISLAND AND MCDONALD ISLANDS", "HM"), ("SOUTH GEORGIA AND THE SOUTH SANDWICH ISLANDS", "GS"),
    ("COCOS (KEELING) ISLANDS", "CC"), ("SAO TOME AND PRINCIPE", "ST"), ("TIMOR-LESTE", "TL"),
  ]

  /// Normalised name → code, built once. CLDR names first, then the variants (which win).
  private static let table: [String: String] = {
    var result: [String: String] = [:]
    let english = Locale(identifier: "en_US")
    for code in CountryCode.assigned.sorted() {
      if let name = english.localizedString(forRegionCode: code) { result[normalize(name)] = code }
    }
    for (name, code) in variants { result[normalize(name)] = code }
    return result
  }()
}

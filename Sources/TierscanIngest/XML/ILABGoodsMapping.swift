import Foundation
import TierscanCore

/// The editable mapping shipped as `Resources/ilab-goods-mapping.json`: ILAB good names to
/// tierscan commodity names, and country-name aliases for ``CountryResolver``.
struct ILABGoodsMapping: Sendable {
  /// The shipped mapping (empty when the resource is missing or unreadable).
  static let shipped: ILABGoodsMapping = load()

  private let commodityOfGood: [String: String]
  private let countryAliases: [String: String]

  /// Creates a mapping from good names → commodities and country aliases.
  init(goods: [(good: String, commodity: String)], countryAliases: [(name: String, code: String)]) {
    var table: [String: String] = [:]
    for entry in goods where table[Self.key(entry.good)] == nil {
      table[Self.key(entry.good)] = entry.commodity.lowercased()
    }
    commodityOfGood = table
    var aliases: [String: String] = [:]
    for alias in countryAliases where CountryCode.assigned.contains(alias.code) {
      let key = CountryResolver.normalize(alias.name)
      if aliases[key] == nil { aliases[key] = alias.code }
    }
    self.countryAliases = aliases
  }

  /// The alpha-2 code of an ILAB country name: the mapping's aliases first, then the shared resolver.
  func countryCode(for name: String) -> String? { CountryResolver.code(for: name, aliases: countryAliases) }

  /// The commodity for an ILAB good name, or `nil` when the mapping has none.
  func commodity(for good: String) -> String? { commodityOfGood[Self.key(good)] }

  /// Good names compare case-insensitively with runs of whitespace collapsed.
  private static func key(_ good: String) -> String {
    good.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  private static func load() -> ILABGoodsMapping {
    guard
      let url = Bundle.module.url(forResource: "ilab-goods-mapping", withExtension: "json", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url),
      let json = try? JSONParser.parse(bytes: Array(data))
    else { return ILABGoodsMapping(goods: [], countryAliases: []) }
    let goods = (json["goods"]?.objectValue ?? []).compactMap { key, value in value.stringValue.map { (key, $0) } }
    let aliases = (json["country_aliases"]?.objectValue ?? []).compactMap { key, value in
      value.stringValue.map { (key, $0) }
    }
    return ILABGoodsMapping(goods: goods, countryAliases: aliases)
  }
}

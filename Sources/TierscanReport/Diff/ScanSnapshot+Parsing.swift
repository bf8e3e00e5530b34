import Foundation
import TierscanCore
import TierscanIngest

extension ScanSnapshot {
  /// Undoes the formula neutralisation of model §5 (a leading `'` before `=`, `+`, `-`, `@`).
  static func unneutralised(_ cell: String) -> String {
    let scalars = cell.unicodeScalars
    guard scalars.count >= 2, scalars.first == "'" else { return cell }
    let second = scalars[scalars.index(after: scalars.startIndex)]
    guard second == "=" || second == "+" || second == "-" || second == "@" else { return cell }
    return String(cell.unicodeScalars.dropFirst())
  }

  static func parseExposures(_ bytes: [UInt8], file: String) throws(DiffError) -> [ExposureRow] {
    var rows: [ExposureRow] = []
    var failure: DiffError?
    var header: [String]?
    CSVReader().read(Data(bytes)) { result in
      guard failure == nil else { return }
      switch result {
      case .failure(let error): failure = .malformed(file: file, line: error.line, message: error.description)
      case .record(let record):
        guard let header else {
          if record.fields != ExposuresCSV.header {
            failure = .malformed(file: file, line: record.line, message: "not the exposures.csv header")
          }
          header = record.fields
          return
        }
        let f = record.fields.map(unneutralised)
        guard f.count == header.count, let score = DecimalNumber.parse(f[6]), (0...1).contains(score),
          let hops = Int(f[8]), hops >= 0, f[4].isEmpty || Int(f[4]).map({ $0 >= 0 }) == true
        else {
          failure = .malformed(
            file: file, line: record.line,
            message: "not an exposures.csv row (score a decimal in [0, 1], hops and tier non-negative integers)")
          return
        }
        rows.append(
          ExposureRow(
            entityID: f[0], name: f[1], kind: f[2], country: f[3], tier: Int(f[4]), category: f[5], score: score,
            level: f[7], hops: hops, sourceID: f[9]))
      }
    }
    if let failure { throw failure }
    if header == nil { throw .malformed(file: file, line: 1, message: "empty file") }
    return rows
  }

  private static func json(_ bytes: [UInt8], file: String) throws(DiffError) -> JSONValue {
    do {
      return try JSONParser.parse(bytes: bytes)
    } catch {
      throw .malformed(file: file, line: error.line, message: error.message)
    }
  }

  static func parseCoverage(_ bytes: [UInt8], file: String) throws(DiffError) -> [TierRow] {
    guard let tiers = try json(bytes, file: file)["tiers"]?.arrayValue else {
      throw .malformed(file: file, line: nil, message: "no \"tiers\" array")
    }
    var rows: [TierRow] = []
    for tier in tiers {
      guard let t = count(tier["tier"]), let entities = count(tier["entities"]),
        let unmapped = count(tier["unmapped"]), let disclosed = count(tier["disclosed"]),
        let share = tier["disclosed_share"]?.numberValue, (0...1).contains(share)
      else {
        throw .malformed(
          file: file, line: nil,
          message: "a tier lacks tier/entities/unmapped/disclosed as whole numbers in 0...\(maxCount) "
            + "or disclosed_share in [0, 1]")
      }
      rows.append(TierRow(tier: t, entities: entities, unmapped: unmapped, disclosed: disclosed, disclosedShare: share))
    }
    return rows
  }

  /// The largest count a hand-edited `coverage.json` may hold (2^53, the largest integer a JSON
  /// number carries exactly); anything larger, negative or fractional is malformed.
  static let maxCount = 1 << 53

  /// A JSON number that is a whole number in `0...maxCount`, as an `Int` (never traps).
  private static func count(_ value: JSONValue?) -> Int? {
    guard let number = value?.numberValue, number >= 0, number <= Double(maxCount), number.rounded(.towardZero) == number
    else { return nil }
    return Int(number)
  }

  static func parseGraph(_ bytes: [UInt8], file: String) throws(DiffError) -> (
    entities: [EntityRow], relationships: [RelationshipKey]
  ) {
    let value = try json(bytes, file: file)
    guard let entities = value["entities"]?.arrayValue, let relationships = value["relationships"]?.arrayValue else {
      throw .malformed(file: file, line: nil, message: "no \"entities\" and \"relationships\" arrays")
    }
    var entityRows: [EntityRow] = []
    for entity in entities {
      guard let id = entity["id"]?.stringValue else { throw .malformed(file: file, line: nil, message: "an entity has no id") }
      let identifiers = entity["identifiers"]
      entityRows.append(
        EntityRow(
          id: id, name: entity["name"]?.stringValue ?? id, kind: entity["kind"]?.stringValue ?? "company",
          identifiers: Identifiers(
            lei: identifiers?["lei"]?.stringValue, duns: identifiers?["duns"]?.stringValue,
            vat: identifiers?["vat"]?.stringValue, cid: identifiers?["cid"]?.stringValue),
          aliases: entity["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }
    var keys: [RelationshipKey] = []
    var seen = Set<[RawKey]>()
    for relationship in relationships {
      guard let from = relationship["from"]?.stringValue, let to = relationship["to"]?.stringValue,
        let type = relationship["type"]?.stringValue
      else { throw .malformed(file: file, line: nil, message: "a relationship lacks from/to/type") }
      let key = RelationshipKey(from: from, to: to, type: type, commodity: relationship["commodity"]?.stringValue ?? "")
      if seen.insert([RawKey(from), RawKey(to), RawKey(type), RawKey(key.commodity)]).inserted { keys.append(key) }
    }
    entityRows.sort { $0.id.utf8Precedes($1.id) }
    keys.sort { $0.precedes($1) }
    return (entityRows, keys)
  }

  static func parseSmelters(_ bytes: [UInt8], file: String) throws(DiffError) -> [SmelterRow]? {
    guard let list = try json(bytes, file: file)["figures"]?["smelters"]?["entities"]?.arrayValue else { return nil }
    return list.compactMap { item in
      guard let id = item["id"]?.stringValue else { return nil }
      return SmelterRow(id: id, name: item["name"]?.stringValue ?? id, status: item["status"]?.stringValue ?? "unknown")
    }.sorted { $0.id.utf8Precedes($1.id) }
  }
}

/// A ``MatchRecord`` with its names and address parsed once, for scoring against many others.
public struct PreparedRecord: Sendable, Equatable {
  public let record: MatchRecord
  /// The name and then each alias, parsed; empty names left out.
  public let names: [MatchName]
  /// The address's words (lower-case ASCII), or `nil` without an address.
  public let addressWords: [String]?

  /// Most names (the name and its first aliases) compared per record: scoring compares every
  /// name of one record with every name of the other, so a record with 100,000 aliases must not
  /// make matching quadratic. Further aliases are not compared.
  public static let maxNames = 16

  /// Parses `record`'s names (at most ``maxNames``) and address.
  public init(_ record: MatchRecord, parser: MatchNameParser = MatchNameParser()) {
    self.init(record, names: Self.names(record.name, aliases: record.aliases, parser: parser))
  }

  /// `record` with its names already parsed by ``names(_:aliases:parser:)`` (the address is
  /// parsed here).
  public init(_ record: MatchRecord, names: [MatchName]) {
    self.record = record
    self.names = names
    self.addressWords = record.address.flatMap { address in
      let words = Self.addressWords(address)
      return words.isEmpty ? nil : words
    }
  }

  /// A name and its aliases parsed as ``names`` holds them: at most ``maxNames``, empty and
  /// repeated names left out.
  public static func names(
    _ name: String, aliases: [String], parser: MatchNameParser = MatchNameParser()
  ) -> [MatchName] {
    names(name, aliases: aliases) { parser.parse($0) }
  }

  /// ``names(_:aliases:parser:)``, each name parsed by bytes in `words` (``NameWords/matchName(_:)``:
  /// the parser's result, without its strings, sets and arrays per word; `words` is working memory,
  /// reused from record to record).
  public static func names(_ name: String, aliases: [String], words: inout NameWords) -> [MatchName] {
    names(name, aliases: aliases) { words.matchName($0) }
  }

  /// ``names(_:aliases:words:)`` of a name parsed already (`name`, e.g. by
  /// ``NameWords/matchName(utf8:)`` from an entity table's bytes, with no string made for it).
  public static func names(
    parsed name: consuming MatchName, aliases: [String], words: inout NameWords
  ) -> [MatchName] {
    names(parsed: name, aliases: aliases) { words.matchName($0) }
  }

  /// The name and its first aliases, each parsed by `parse`: at most ``maxNames``, empty and
  /// repeated names left out.
  private static func names(_ name: String, aliases: [String], parse: (String) -> MatchName) -> [MatchName] {
    names(parsed: parse(name), aliases: aliases, parse: parse)
  }

  /// ``names(_:aliases:parse:)`` with the name parsed already.
  private static func names(
    parsed name: consuming MatchName, aliases: [String], parse: (String) -> MatchName
  ) -> [MatchName] {
    // Most records have no alias: their one name in an array made at its size.
    if aliases.isEmpty { return name.isEmpty ? [] : [name] }
    var names: [MatchName] = []
    func add(_ parsed: MatchName) {
      if !parsed.isEmpty, !names.contains(parsed) { names.append(parsed) }
    }
    add(name)
    for alias in aliases.prefix(maxNames - 1) { add(parse(alias)) }
    return names
  }

  /// The words of an address: folded like a name, split at every non-alphanumeric character.
  static func addressWords(_ address: String) -> [String] {
    let folded = MatchNameParser.fold(address)
    var words: [String] = []
    var current: [UInt8] = []
    for byte in folded.utf8 {
      switch byte {
      case 0x41...0x5A: current.append(byte | 0x20)
      case 0x61...0x7A, 0x30...0x39: current.append(byte)
      case UInt8(ascii: "'"): continue
      default:
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }
}

import TierscanCore

/// The blocking keys of a record: only records that share a key are ever compared.
///
/// Keys: every distinctive word of every name and qualifier (`w:jinlin`; generic words such as
/// `textile` and one-letter words make no key), its first four letters for words of five or more
/// (`p:zhuc`, catching `textile`/`textil` and typos at the end), the name written without spaces
/// (`n:youngone`, catching `Young One`/`Youngone`) and each identifier (`i:lei:…`). Name keys are
/// scoped by country (`CN|w:jinlin`; `*|…` without a country); identifier keys are not.
public enum BlockingKeys {
  /// The scope of a country: the code, or `*` without one.
  public static func scope(_ country: String?) -> String { country ?? "*" }

  /// The name keys of a record, without their country scope, sorted and distinct.
  public static func nameKeys(of record: PreparedRecord) -> [String] {
    var keys = Set<String>()
    for name in record.names {
      for word in name.tokens + name.qualifiers where word.utf8.count >= 2 && !GenericWords.names.contains(word) {
        keys.insert("w:" + word)
        if word.utf8.count >= 5 { keys.insert("p:" + String(decoding: word.utf8.prefix(4), as: UTF8.self)) }
      }
      let compact = name.tokens.joined()
      if name.tokens.count > 1, compact.utf8.count >= 4 { keys.insert("n:" + compact) }
    }
    return keys.sorted()
  }

  /// The identifier keys of a record.
  public static func identifierKeys(of record: PreparedRecord) -> [String] {
    identifierKeys(record.record.identifiers)
  }

  /// The identifier keys of a record's identifiers.
  public static func identifierKeys(_ identifiers: Identifiers) -> [String] {
    var keys: [String] = []
    if let lei = identifiers.lei { keys.append("i:lei:" + lei) }
    if let duns = identifiers.duns { keys.append("i:duns:" + duns) }
    if let cid = identifiers.cid { keys.append("i:cid:" + cid) }
    return keys
  }
}

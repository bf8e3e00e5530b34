import TierscanCore

/// Builds the ``PreparedRecord`` of entity after entity of one ``EntityTable``: the record
/// ``MatchRecord/init(entityAt:of:)`` reads, with its names parsed by bytes
/// (``PreparedRecord/names(_:aliases:words:)``), equal (`==`) to
/// `PreparedRecord(MatchRecord(entityAt: i, of: table), names: PreparedRecord.names(…, words: &words))`.
///
/// What it saves per record, for a loop over a million entities (`resolve`'s records,
/// docs/entity-resolution.md §8): the name is parsed from the table's bytes and left there
/// (``RecordName``: no string, one heap block fewer per record); the table is held once and lent to each record
/// (``MatchRecord/init(entityAt:of:)`` borrows it: passed owned, it was retained and released
/// column by column per record); strings and arrays that no entity has are not made; the legal
/// forms' lists are shared between records (``NameWords/matchName(_:)``); and ``prefetch(fieldsOf:stringsOf:)``
/// lets a caller that reads at random ask for the fields of the entities a few records ahead.
/// `EntityRecordReaderTests` compares it with the construction above.
public struct EntityRecordReader {
  private let entities: EntityTable
  private let nameColumn: EntityNameColumn
  private var words = NameWords()

  /// A reader of `entities`.
  public init(_ entities: EntityTable) {
    self.entities = entities
    self.nameColumn = EntityNameColumn(entities)
  }

  /// The prepared record of entity `i`. Its name stays in the table (``RecordName``) and is
  /// parsed from the table's bytes: no string is made for it.
  public mutating func preparedRecord(entityAt i: Int) -> PreparedRecord {
    let column = nameColumn
    let record = MatchRecord(entityAt: i, of: entities, nameIn: column)
    // Through a local reference: the column's arrays (which every reader of the table shares)
    // are then not retained around the parse, whose closure could otherwise change `self`.
    let name = column.names.withUTF8(i) { words.matchName(utf8: $0) }
    return PreparedRecord(record, names: PreparedRecord.names(parsed: name, aliases: record.aliases, words: &words))
  }

  /// Asks for the fields of entity `stage1` (the record read after next, say 16 records ahead)
  /// and for the strings of entity `stage2` (say 8 ahead, whose fields were asked for earlier).
  /// Hints only (``EntityTable/prefetchMatchFields(_:)``); a negative index asks for nothing.
  public func prefetch(fieldsOf stage1: Int, stringsOf stage2: Int) {
    entities.prefetchMatchFields(stage1)
    entities.prefetchMatchStrings(stage2)
  }
}

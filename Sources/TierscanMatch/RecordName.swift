import TierscanCore

/// How a ``MatchRecord`` holds its name: as a string, or as entity `index` of an entity table's
/// name column, made into a string only when ``string`` is asked for.
///
/// Why: `resolve` builds a record for each of a million entities and reads its name only to parse
/// it (from the table's bytes, ``EntityRecordReader``) and, for the few thousand records of
/// candidate pairs, to write it out. A string of its own would be one heap block per record (most
/// names are longer than the 15 bytes a string holds inline) that both workers allocate under the
/// same malloc arena lock (docs/entity-resolution.md §8).
enum RecordName: Sendable {
  case text(String)
  case column(EntityNameColumn, index: Int)

  /// The name.
  var string: String {
    switch self {
    case .text(let name): name
    case .column(let column, let index): column.names[index]
    }
  }
}

/// The name column of one ``EntityTable``, held by reference by the records whose name stays in
/// it (``RecordName/column(_:index:)``). One per ``EntityRecordReader``, so that a record's
/// reference is counted on an object of its own worker's, not on one that every worker's records
/// share.
final class EntityNameColumn: Sendable {
  /// The table's names (``EntityTable/names``).
  let names: StringColumn

  /// The name column of `entities`.
  init(_ entities: borrowing EntityTable) {
    names = entities.names
  }
}

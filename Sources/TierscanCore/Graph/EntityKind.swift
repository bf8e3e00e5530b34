/// The kind of a node in the supply-chain graph (model §1).
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Codable {
  case company
  case facility
  case smelter
  case mine
  /// A natural person (BODS person statements, OMTS person nodes): an owner or controller, never
  /// a supplier; a listed person who controls a company makes it listed by control (SPEC §3).
  case person
}

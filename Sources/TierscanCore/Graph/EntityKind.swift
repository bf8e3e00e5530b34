/// The kind of a node in the supply-chain graph (model §1).
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Codable {
  case company
  case facility
  case smelter
  case mine
}

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

extension EntityKind {
  /// The kind's position in `allCases` (the code the entity columns store), without building the
  /// `allCases` array (its synthesised getter builds one on every call).
  @inlinable var code: UInt8 {
    switch self {
    case .company: 0
    case .facility: 1
    case .smelter: 2
    case .mine: 3
    case .person: 4
    }
  }

  /// The kind at position `code` of `allCases` (``code``'s inverse).
  ///
  /// - Precondition: `code` is a kind's code.
  @inlinable init(code: UInt8) {
    switch code {
    case 0: self = .company
    case 1: self = .facility
    case 2: self = .smelter
    case 3: self = .mine
    case 4: self = .person
    default: preconditionFailure("no entity kind has code \(code)")
    }
  }
}

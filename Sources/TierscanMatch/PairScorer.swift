/// Scores a pair of records into a similarity in [0, 1] with its named features and a
/// ``MatchDecision``.
///
/// - name: 0.65 × token-set + 0.35 × Jaro-Winkler of the core names, the best pair over names
///   and aliases (a name with its bracketed qualifiers as extra words is tried too, at 0.95);
/// - adjustments: qualifier conflict −0.15, number conflict −0.2, addresses that agree +0.05, addresses that conflict −0.15; clamped to [0, 1];
/// - guards (as SPEC §2.4's name rules): identifiers of one scheme that differ, or countries that
///   differ, make the pair `distinct`; an agreeing LEI, DUNS or CID makes it `same` (similarity 1);
/// - otherwise `same` when the similarity reaches ``MatchConfig/same`` and the addresses agree,
///   `possible` from ``MatchConfig/possible``, else `distinct`. `same` needs the name similarity
///   (before the address adjustment) to reach ``MatchConfig/same`` and the names to carry the same
///   unit markers (``unitMarkers(_:)``: `Second Branch`, `(Cutting)`, `No. 2`, `II` tell sites apart).
public struct PairScorer: Sendable {
  public let config: MatchConfig
  private let tokens = TokenSimilarity()
  private let addressTokens = TokenSimilarity(generic: GenericWords.address, genericWeight: 0.2)

  /// A scorer with the given thresholds.
  public init(config: MatchConfig = .defaults) { self.config = config }

  /// The outcome for two prepared records.
  public func score(_ left: PreparedRecord, _ right: PreparedRecord) -> (decision: MatchDecision, features: MatchFeatures) {
    var features = nameFeatures(left.names, right.names)
    (features.identifier, features.identifierScheme) = Self.identifierAgreement(left.record, right.record)
    features.country = Self.agreement(left.record.country, right.record.country)
    var similarity = features.name
    if features.qualifierConflict { similarity -= 0.15 }
    if features.numberConflict { similarity -= 0.2 }
    let nameOnly = similarity
    if let a = left.addressWords, let b = right.addressWords {
      let address = addressTokens.similarity(a, b)
      features.address = address
      if address >= config.addressAgree {
        features.addressAgreement = .agree
        similarity += 0.05
      } else if address < config.addressConflict {
        features.addressAgreement = .disagree
        similarity -= 0.15
      }
    }
    features.similarity = min(1, max(0, similarity))
    let decision: MatchDecision
    if features.identifier == .agree {
      features.similarity = 1
      decision = .same
    } else if features.identifier == .disagree || features.country == .disagree {
      decision = .distinct
    } else if nameOnly >= config.same - 1e-12, features.addressAgreement == .agree, !features.unitDifference {
      decision = .same
    } else if features.similarity >= config.possible - 1e-12 {
      decision = .possible
    } else {
      decision = .distinct
    }
    return (decision, features)
  }

  /// The outcome for two records (parsed here).
  public func score(_ left: MatchRecord, _ right: MatchRecord) -> (decision: MatchDecision, features: MatchFeatures) {
    score(PreparedRecord(left), PreparedRecord(right))
  }

  /// The name features of the best pair of names.
  func nameFeatures(_ left: [MatchName], _ right: [MatchName]) -> MatchFeatures {
    var best = MatchFeatures(
      tokenSet: 0, jaroWinkler: 0, name: 0, leftName: left.first?.core ?? "", rightName: right.first?.core ?? "",
      identifier: .unknown, identifierScheme: nil, country: .unknown, address: nil, addressAgreement: .unknown,
      qualifierConflict: false, numberConflict: false, similarity: 0)
    var bestAdjusted = -1.0
    for a in left {
      for b in right {
        let (tokenSet, jw, name) = nameSimilarity(a.tokens, b.tokens)
        var (fullName, usedFull) = (name, false)
        if !a.qualifiers.isEmpty || !b.qualifiers.isEmpty {
          let full = 0.95 * nameSimilarity(a.tokens + a.qualifiers, b.tokens + b.qualifiers).name
          if full > fullName { (fullName, usedFull) = (full, true) }
        }
        let qualifierConflict = !usedFull && qualifiersConflict(a, b)
        let numberPenalty = numbersPenalty(a.numbers, b.numbers)
        let adjusted = fullName - (qualifierConflict ? 0.15 : 0) - numberPenalty
        if adjusted > bestAdjusted {
          bestAdjusted = adjusted
          best.tokenSet = tokenSet
          best.jaroWinkler = jw
          best.name = fullName
          best.leftName = a.core
          best.rightName = b.core
          best.qualifierConflict = qualifierConflict
          best.numberConflict = numberPenalty >= 0.2
          best.unitDifference = Self.unitMarkers(a) != Self.unitMarkers(b)
        }
      }
    }
    return best
  }

  private func nameSimilarity(_ a: [String], _ b: [String]) -> (tokenSet: Double, jw: Double, name: Double) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0, 0) }
    let tokenSet = tokens.similarity(a, b)
    let compactA = Array(a.joined().utf8)
    let compactB = Array(b.joined().utf8)
    var jw = JaroWinkler.similarity(compactA, compactB)
    if a.count > 1 || b.count > 1 {
      jw = max(jw, JaroWinkler.similarity(Array(a.sorted().joined().utf8), Array(b.sorted().joined().utf8)))
    }
    return (tokenSet, jw, 0.65 * tokenSet + 0.35 * jw)
  }

  /// Both names carry qualifiers and no qualifier word of one pairs with a word of the other
  /// (its qualifiers or its core).
  private func qualifiersConflict(_ a: MatchName, _ b: MatchName) -> Bool {
    guard !a.qualifiers.isEmpty, !b.qualifiers.isEmpty else { return false }
    return tokens.similarity(a.qualifiers, b.qualifiers + b.tokens) < 0.5
      && tokens.similarity(b.qualifiers, a.qualifiers + a.tokens) < 0.5
  }

  /// 0.2 when both names carry numbers and they differ, else 0.
  private func numbersPenalty(_ a: [String], _ b: [String]) -> Double {
    if a.isEmpty || b.isEmpty { return 0 }
    return Set(a) == Set(b) ? 0 : 0.2
  }

  /// Words that tell one site or unit of a company from another (`unit`, `branch`, `second`,
  /// `cutting`, `ii`, numbers …) in a name and its qualifiers.
  static func unitMarkers(_ name: MatchName) -> Set<String> {
    Set((name.tokens + name.qualifiers).filter { word in
      unitWords.contains(word) || word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    })
  }

  static let unitWords: Set<String> = [
    "unit", "branch", "br", "division", "plant", "site", "factory2", "second", "third", "first", "new", "old",
    "ii", "iii", "iv", "vi", "vii", "viii", "cutting", "sewing", "laundry", "finishing", "washing", "printing",
    "embroidery", "dyeing", "warehouse", "annex", "phase",
  ]

  static func agreement(_ a: String?, _ b: String?) -> MatchFeatures.Agreement {
    guard let a, let b else { return .unknown }
    return a.utf8Equals(b) ? .agree : .disagree
  }

  static func identifierAgreement(_ a: MatchRecord, _ b: MatchRecord) -> (MatchFeatures.Agreement, String?) {
    var disagreeing: String?
    for (scheme, x, y) in [
      ("lei", a.identifiers.lei, b.identifiers.lei), ("duns", a.identifiers.duns, b.identifiers.duns),
      ("cid", a.identifiers.cid, b.identifiers.cid),
    ] {
      switch agreement(x, y) {
      case .agree: return (.agree, scheme)
      case .disagree: disagreeing = disagreeing ?? scheme
      case .unknown: continue
      }
    }
    return disagreeing.map { (.disagree, $0) } ?? (.unknown, nil)
  }
}

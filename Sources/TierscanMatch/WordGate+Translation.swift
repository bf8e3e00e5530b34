import TierscanCore

/// Queries loaded from another gate's indexed records by a table of word ids instead of by
/// hashing each word of each record: `tierscan resolve`'s risk-list pass queries the rows' gate
/// with every entity, whose words the duplicate search's gate (over the same entities) has
/// already interned, so each distinct entity word is looked up in the rows' vocabulary once
/// (docs/entity-resolution.md §8, risk-list pass).
extension WordGate {
  /// Another gate's ids in this gate's numbering (``translation(of:)``).
  public struct Translation: Sendable {
    /// By the other gate's vocabulary id: this gate's (``wordID(_:)``), -1 for a word no record
    /// indexed here has.
    var words: [Int32]
    /// By the other gate's country id: this gate's, -2 for a country no record here has.
    var countries: [Int32]
    /// Per scheme (LEI, DUNS, CID), by the other gate's value id: this gate's, -2 for a value no
    /// record here has.
    var identifiers: [[Int32]]
  }

  /// `other`'s words, countries and identifiers in this gate's numbering.
  ///
  /// - Complexity: O(`other`'s vocabulary bytes, over both cores, and its countries and identifiers).
  public func translation(of other: WordGate) -> Translation {
    let words = ParallelWork.scatteredArray(count: other.vocabularyCount, minimumToSplit: 20_000) { range, slots in
      other.vocabulary.arena.withUnsafeBytes { arena in
        other.vocabulary.offsets.withUnsafeBufferPointer { offsets in
          for id in range {
            let word = UnsafeRawBufferPointer(rebasing: arena[Int(offsets[id])..<Int(offsets[id + 1])])
            slots.initialize(id, to: wordID(word))
          }
        }
      }
    }
    return Translation(
      words: words, countries: other.countries.ids(in: countries, missing: -2),
      identifiers: (0..<3).map { other.identifierIDs[$0].ids(in: identifierIDs[$0], missing: -2) })
  }

  /// Loads `other`'s indexed record `record` as a query, its words, country and identifiers read
  /// in this gate's numbering from `translation` (``translation(of:)``): the same query as
  /// ``load(_:ids:country:identifiers:hasAddress:into:)`` of the record's names as ``NameWords``
  /// (names with no word left out), country, identifiers and address (`WordGateTranslationTests`),
  /// with no word, country or identifier hashed. `sourceWords` gets each query word's id in
  /// `other`'s vocabulary, in order (``ScreeningPrefilter`` reads their bytes there).
  ///
  /// - Complexity: O(the record's words).
  public func load(
    indexed record: Int, of other: WordGate, translation: Translation, into query: inout Query,
    sourceWords: inout [Int32]
  ) {
    let r = other.rows.records[record]
    @inline(__always) func translated(_ id: Int32, _ table: [Int32]) -> Int32 { id >= 0 ? table[Int(id)] : id }
    let countryID = translated(r.country, translation.countries)
    let identifierIDs = (
      translated(r.lei, translation.identifiers[0]), translated(r.duns, translation.identifiers[1]),
      translated(r.cid, translation.identifiers[2])
    )
    let hasAddress = r.hasAddress
    query.columns.removeAll()
    sourceWords.removeAll(keepingCapacity: true)
    let nameStart = Int32(query.columns.names.count)
    query.slack.removeAll(keepingCapacity: true)
    // The whole-row shortcut: every name must qualify (see the type's notes), and there must be one.
    var rowShortcut = identifierIDs.0 < 0 && identifierIDs.1 < 0 && identifierIDs.2 < 0
    var anyName = false
    var heaviest = 0.0
    var bound = 0.0
    other.rows.names.withUnsafeBufferPointer { names in
      other.rows.words.withUnsafeBufferPointer { words in
        other.rows.numbers.withUnsafeBufferPointer { numbers in
          translation.words.withUnsafeBufferPointer { translation in
            weights.withUnsafeBufferPointer { weights in
              for n in Int(r.nameStart)..<Int(r.nameEnd) {
                let name = names[n]
                // A name with no word is not in ``NameWords`` (``NameWords/append(parsed:)``).
                guard name.fullEnd > name.wordStart else { continue }
                anyName = true
                var coreWeight = 0.0
                var fullWeight = 0.0
                var slack = 0.0
                let wordStart = Int32(query.columns.words.count)
                for w in Int(name.wordStart)..<Int(name.fullEnd) {
                  let v = words[w]
                  let id = v.id >= 0 ? translation[Int(v.id)] : -1
                  let weight = id >= 0 ? weights[Int(id)] : 1.0
                  // Length, first byte, ASCII and letter mask are the bytes', the same in both gates.
                  query.columns.words.append(
                    Word(id: id, length: v.length, first: v.first, isASCII: v.isASCII, weight: weight, letters: v.letters))
                  sourceWords.append(v.id)
                  let core = w < Int(name.coreEnd)
                  if core { coreWeight += weight }
                  if core, id < 0, v.isASCII { slack += 0.1 * weight / Double(max(1, Int(v.length))) }
                  fullWeight += weight
                }
                // The number words' ids: `other`'s distinct ids of the core words with a digit,
                // translated (distinct words no row has all become -1; ``endName`` keeps one).
                query.numberScratch.removeAll(keepingCapacity: true)
                var unknownNumber = false
                for m in Int(name.numberStart)..<Int(name.numberEnd) {
                  let id = translation[Int(numbers[m])]
                  query.numberScratch.append(id)
                  if id < 0 { unknownNumber = true }
                }
                Self.endName(
                  wordStart: wordStart, coreCount: Int(name.coreEnd - name.wordStart),
                  hasQualifiers: name.fullEnd != name.coreEnd, coreWeight: coreWeight, fullWeight: fullWeight,
                  slack: slack, unknownNumber: unknownNumber, of: &query, rowShortcut: &rowShortcut,
                  heaviest: &heaviest, bound: &bound)
              }
            }
          }
        }
      }
    }
    rowShortcut = rowShortcut && anyName
    (query.shortcutWeight, query.shortcutBound) = rowShortcut ? (heaviest, bound) : (.infinity, 0)
    query.columns.records.append(
      Record(
        nameStart: nameStart, nameEnd: Int32(query.columns.names.count), country: countryID, lei: identifierIDs.0,
        duns: identifierIDs.1, cid: identifierIDs.2, hasAddress: hasAddress))
  }

  /// Calls `body` with `other`'s vocabulary words' bytes (``ScreeningPrefilter``'s queries loaded
  /// by ``load(indexed:of:translation:into:sourceWords:)``).
  func withVocabularyWords<R>(_ body: (VocabularyWords) -> R) -> R {
    vocabulary.arena.withUnsafeBytes { arena in
      vocabulary.offsets.withUnsafeBufferPointer { offsets in body(VocabularyWords(arena: arena, offsets: offsets)) }
    }
  }

  /// A gate's vocabulary words' bytes, by id (valid inside ``withVocabularyWords(_:)``).
  struct VocabularyWords {
    let arena: UnsafeRawBufferPointer
    let offsets: UnsafeBufferPointer<Int32>

    /// Calls `body` with word `id`'s bytes.
    @inline(__always)
    func word(_ id: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
      body(UnsafeRawBufferPointer(rebasing: arena[Int(offsets[id])..<Int(offsets[id + 1])]))
    }
  }
}

import TierscanCore

/// Queries loaded from another gate's indexed records by a table of word ids instead of by
/// hashing each word of each record: `tierscan resolve`'s risk-list pass queries the rows' gate
/// with every entity, whose words the duplicate search's gate (over the same entities) has
/// already interned, so each distinct entity word is looked up in the rows' vocabulary once
/// (docs/entity-resolution.md §8, risk-list pass).
extension WordGate {
  /// This gate's vocabulary id (``wordID(_:)``) of each of `other`'s vocabulary words, by
  /// `other`'s id: -1 for a word no record indexed here has.
  ///
  /// - Complexity: O(`other`'s vocabulary bytes), over both cores.
  public func translation(of other: WordGate) -> [Int32] {
    ParallelWork.scatteredArray(count: other.vocabularyCount, minimumToSplit: 20_000) { range, slots in
      other.vocabulary.arena.withUnsafeBytes { arena in
        other.vocabulary.offsets.withUnsafeBufferPointer { offsets in
          for id in range {
            let word = UnsafeRawBufferPointer(rebasing: arena[Int(offsets[id])..<Int(offsets[id + 1])])
            slots.initialize(id, to: wordID(word))
          }
        }
      }
    }
  }

  /// Loads `other`'s indexed record `record` as a query (with its country, identifiers and
  /// whether it has an address, which `other` does not keep as this gate needs them), its words'
  /// ids read from `translation` (``translation(of:)``): the same query as
  /// ``load(_:ids:country:identifiers:hasAddress:into:)`` of the record's names as ``NameWords``
  /// (names with no word left out; `WordGateTranslationTests`). `sourceWords` gets each query
  /// word's id in `other`'s vocabulary, in order (``ScreeningPrefilter`` reads their bytes there).
  ///
  /// - Complexity: O(the record's words).
  public func load(
    indexed record: Int, of other: WordGate, translation: [Int32], country: String?, identifiers: Identifiers,
    hasAddress: Bool, into query: inout Query, sourceWords: inout [Int32]
  ) {
    query.columns.removeAll()
    sourceWords.removeAll(keepingCapacity: true)
    let countryID: Int32 = country.map { countries.id(of: $0) ?? -2 } ?? -1
    let identifierIDs = identifierNumbers(identifiers)
    let nameStart = Int32(query.columns.names.count)
    query.slack.removeAll(keepingCapacity: true)
    // The whole-row shortcut: every name must qualify (see the type's notes), and there must be one.
    var rowShortcut = identifierIDs.0 < 0 && identifierIDs.1 < 0 && identifierIDs.2 < 0
    var anyName = false
    var heaviest = 0.0
    var bound = 0.0
    let r = other.rows.records[record]
    other.rows.names.withUnsafeBufferPointer { names in
      other.rows.words.withUnsafeBufferPointer { words in
        other.rows.numbers.withUnsafeBufferPointer { numbers in
          translation.withUnsafeBufferPointer { translation in
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
  /// by ``load(indexed:of:translation:country:identifiers:hasAddress:into:sourceWords:)``).
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

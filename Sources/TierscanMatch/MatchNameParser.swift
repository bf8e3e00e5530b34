import Foundation

/// Turns a name into a ``MatchName``: the normalisation *variants* used for fuzzy candidates,
/// beyond the exact normalisation of SPEC §2.4 (which stays as it is for the exact rules).
///
/// Steps: transliterate to Latin and fold accents (`Türkiye` → `turkiye`, `Đức` → `duc`,
/// `塔里木` → `ta li mu`, `Ромашка` → `romaska`); lower-case; `&` and `+` → ` and `; delete `'`;
/// take bracketed parts out as qualifiers (`(Shaowu)`, `[Arad]`); every other character that is
/// not a letter or digit separates words, `.` included (`CO.LTD` → `co ltd`); join runs of single
/// letters (`S. A. de C. V.` → `sa de cv`); remove legal forms anywhere (``LegalForms``).
public struct MatchNameParser: Sendable {
  /// Creates a parser.
  public init() {}

  /// Parses a name.
  ///
  /// - Complexity: O(n) in the name's length (transliteration only for non-ASCII names).
  public func parse(_ name: String) -> MatchName {
    let folded = Self.fold(name)
    var core: [UInt8] = []
    var bracketed: [UInt8] = []
    core.reserveCapacity(folded.utf8.count + 8)
    Self.split(folded.utf8, core: &core, bracketed: &bracketed)
    var legalForms: [String] = []
    let tokens = Self.removeLegalForms(Self.joinSingleLetters(Self.words(core)), into: &legalForms)
    let qualifiers = Self.removeLegalForms(Self.joinSingleLetters(Self.words(bracketed)), into: &legalForms)
    return MatchName(tokens: tokens, qualifiers: qualifiers, legalForms: legalForms)
  }

  /// Splits folded (ASCII) bytes into the core text and the text in brackets, appended to `core`
  /// and `bracketed`: letters lower-cased, digits kept, `&` and `+` as ` and `, apostrophes
  /// dropped, anything else a space; a bracket is a space in both.
  static func split<Bytes: Sequence<UInt8>>(_ bytes: Bytes, core: inout [UInt8], bracketed: inout [UInt8]) {
    var depth = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        core.append(0x20)
        bracketed.append(0x20)
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
        core.append(0x20)
        bracketed.append(0x20)
      case UInt8(ascii: "&"), UInt8(ascii: "+"):
        for b in " and ".utf8 {
          if depth > 0 { bracketed.append(b) } else { core.append(b) }
        }
      case UInt8(ascii: "'"):
        continue
      default:
        let b: UInt8
        switch byte {
        case 0x41...0x5A: b = byte | 0x20
        case 0x61...0x7A, 0x30...0x39: b = byte
        default: b = 0x20
        }
        if depth > 0 { bracketed.append(b) } else { core.append(b) }
      }
    }
  }

  /// Lower-case ASCII text of `name`: ASCII names as they are; others transliterated to Latin
  /// and then to ASCII (ICU `Any-Latin; Latin-ASCII`), with NFKD and mark-dropping as a fallback.
  /// Names whose only non-ASCII characters are accented Latin letters are folded by
  /// ``LatinFold``'s table, which gives ICU's result without calling it.
  static func fold(_ name: String) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
    if let latin = LatinFold.fold(name) { return latin }
    if let latin = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) {
      return latin
    }
    let decomposed = name.decomposedStringWithCompatibilityMapping
    return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.value < 0x80 }))
  }

  private static func words(_ bytes: [UInt8]) -> [String] {
    bytes.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Joins runs of two or more one-letter words: `s a de c v` → `sa de cv`, `k s i` → `ksi`.
  static func joinSingleLetters(_ words: [String]) -> [String] {
    var result: [String] = []
    var run = ""
    var runLength = 0
    func flush() {
      if runLength > 0 { result.append(run) }
      (run, runLength) = ("", 0)
    }
    for word in words {
      if word.utf8.count == 1, let b = word.utf8.first, b >= 0x61, b <= 0x7A {
        run += word
        runLength += 1
      } else {
        flush()
        result.append(word)
      }
    }
    flush()
    return result
  }

  /// `words` without legal-form phrases and words (anywhere) and edge-only forms (first or last
  /// word, repeatedly); what was removed is appended to `removed`. A name made only of legal
  /// forms keeps them (`Company Limited` stays comparable).
  static func removeLegalForms(_ words: [String], into removed: inout [String]) -> [String] {
    var kept: [String] = []
    var found: [String] = []
    var i = 0
    outer: while i < words.count {
      // Only a word that begins some phrase can begin one here (the same phrases, in the same order).
      if LegalForms.phraseStarts.contains(words[i]) {
        for phrase in LegalForms.phrases where i + phrase.count <= words.count {
          if words[i] == phrase[0], words[i..<(i + phrase.count)].elementsEqual(phrase) {
            found.append(phrase.joined(separator: " "))
            i += phrase.count
            continue outer
          }
        }
      }
      if LegalForms.anywhere.contains(words[i]) {
        found.append(words[i])
      } else {
        kept.append(words[i])
      }
      i += 1
    }
    while let last = kept.last, kept.count > 1, LegalForms.atEdge.contains(last) { found.append(kept.removeLast()) }
    while let first = kept.first, kept.count > 1, LegalForms.atEdge.contains(first) { found.append(kept.removeFirst()) }
    if kept.isEmpty, !words.isEmpty { return words }
    removed.append(contentsOf: found)
    return kept
  }
}

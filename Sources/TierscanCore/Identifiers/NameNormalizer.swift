import Foundation

/// Normalises organisation names for risk-list and CMRT matching exactly as model §2.4 says:
/// Unicode case-fold; NFKD and drop combining marks; delete `.` and `'`; every other character
/// that is not a letter or digit becomes a space; split into words; drop trailing legal-form
/// words repeatedly; join with single spaces. `Foo S.A.`, `FOO SA` and `Foo` all give `foo`.
public struct NameNormalizer: Sendable {
  /// The default legal-form words (config key `legal_forms` replaces them).
  public static let defaultLegalForms: [String] = """
    ltd limited co company inc incorporated corp corporation llc llp lp plc gmbh ag kg sa sas sarl bv nv pte pty \
    srl spa oy ab as jsc ooo kk sdn bhd
    """.split(separator: " ").map(String.init)

  private let legalForms: Set<String>
  /// The canonical decomposition (NFD) of every legal form, as bytes: a normalised word is in NFD,
  /// so it is canonically equivalent to a legal form (`String` equality) exactly when its bytes
  /// equal that form's NFD bytes.
  private let legalFormBytes: ByteInterner

  /// Creates a normaliser with the given legal-form words (compared after normalisation).
  public init(legalForms: [String] = NameNormalizer.defaultLegalForms) {
    self.legalForms = Set(legalForms.map { $0.lowercased() })
    var bytes = ByteInterner()
    for form in legalForms { _ = bytes.intern(form.lowercased().decomposedStringWithCanonicalMapping) }
    self.legalFormBytes = bytes
  }

  /// Whether `word`, one word of a normalised name, is a legal form (``normalize(_:)`` drops it
  /// when it ends a name).
  public func isLegalForm(_ word: String) -> Bool { legalForms.contains(word) }

  /// Whether the UTF-8 bytes `word`, one word of a normalised name, are a legal form: the same
  /// answer as ``isLegalForm(_:)``, without making a `String`.
  package func isLegalForm(utf8 word: UnsafeRawBufferPointer) -> Bool { legalFormBytes.index(of: word) != nil }

  /// The normalised form of `name`; may be empty when the name holds only legal forms or punctuation.
  public func normalize(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive], locale: nil).decomposedStringWithCompatibilityMapping
    var cleaned = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      if scalar == "." || scalar == "'" { continue }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark:
        continue
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
        cleaned.append(scalar)
      default:
        cleaned.append(" ")
      }
    }
    var words = String(cleaned).split(separator: " ").map(String.init)
    while let last = words.last, legalForms.contains(last) { words.removeLast() }
    return words.joined(separator: " ")
  }
}

import TierscanCore

/// The opaque identifier of a redacted node (OMTS SPEC-004 §4, SPEC-002 §4).
public enum OMTSBoundaryReference {
  /// The canonical string of an identifier: `scheme:value`, or `scheme:authority:value`, with
  /// `%`, `:`, LF and CR in the authority and value percent-encoded (OMTS SPEC-002 §4).
  public static func canonical(scheme: String, authority: String? = nil, value: String) -> String {
    func encode(_ text: String) -> String {
      var out = ""
      for character in text.unicodeScalars {
        switch character {
        case "%": out += "%25"
        case ":": out += "%3A"
        case "\n": out += "%0A"
        case "\r": out += "%0D"
        default: out.unicodeScalars.append(character)
        }
      }
      return out
    }
    return ([scheme] + (authority.map { [encode($0)] } ?? []) + [encode(value)]).joined(separator: ":")
  }

  /// SHA-256 of the sorted public canonical identifiers joined by LF, followed by the 32 salt
  /// bytes, as lower-case hex (OMTS SPEC-004 §4 steps 1–5).
  ///
  /// For a node without public identifiers OMTS asks for a random token; tierscan writes
  /// SHA-256(salt ‖ `"org.tierscan.boundary-token:"` ‖ ordinal) instead, where the ordinal
  /// numbers such nodes in id order: as unguessable from the entity as a random token (it
  /// depends on nothing but the salt and a counter), yet deterministic for one salt.
  ///
  /// - Parameters:
  ///   - canonicalIDs: the node's public identifiers in canonical form (any order).
  ///   - salt: `file_salt` (64 lower-case hex characters).
  ///   - ordinal: this node's number among the exported nodes without public identifiers.
  public static func value(canonicalIDs: [String], salt: String, ordinal: Int) -> String {
    let saltBytes = bytes(ofHex: salt)
    var hash = SHA256()
    if canonicalIDs.isEmpty {
      hash.update(saltBytes)
      hash.update(Array("org.tierscan.boundary-token:\(ordinal)".utf8))
    } else {
      hash.update(Array(canonicalIDs.sorted { $0.utf8Precedes($1) }.joined(separator: "\n").utf8))
      hash.update(saltBytes)
    }
    return SHA256.hex(hash.finalize())
  }

  static func bytes(ofHex text: String) -> [UInt8] {
    let digits = text.utf8.map { $0 <= 57 ? $0 - 48 : $0 - 87 }
    return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
  }
}

/// A text encoding a CSV input may be read in with `--encoding` (docs/encodings.md). Without the
/// option a CSV is UTF-8 (with or without a BOM) or UTF-16 with a BOM.
public enum InputEncoding: String, Sendable, Hashable, CaseIterable {
  /// Windows code page 1252 (Western European): Latin-1 plus `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`
  /// in 0x80–0x9F.
  case windows1252 = "windows-1252"
  /// ISO 8859-1: every byte is the code point of the same value.
  case latin1
}

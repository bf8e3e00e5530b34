import ArgumentParser
import TierscanIngest

/// How inputs are read, shared by every command that reads inputs (docs/encodings.md).
struct ReadingOptions: ParsableArguments {
  @Option(help: "Encoding of CSV inputs that are not UTF-8: windows-1252 or latin1 (default: UTF-8, or UTF-16 with a BOM).")
  var encoding: InputEncoding?

  /// Applies the options to `options`.
  func apply(to options: inout IngestOptions) {
    options.encoding = encoding
  }
}

extension InputEncoding: ExpressibleByArgument {}

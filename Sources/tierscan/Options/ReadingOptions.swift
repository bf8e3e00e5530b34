import ArgumentParser
import TierscanIngest

/// How inputs are read, shared by every command that reads inputs (docs/encodings.md,
/// docs/mappings.md).
struct ReadingOptions: ParsableArguments {
  @Option(help: "Encoding of CSV inputs that are not UTF-8: windows-1252 or latin1 (default: UTF-8, or UTF-16 with a BOM).")
  var encoding: InputEncoding?

  @Option(name: .customLong("mapping"), help: "A column-mapping JSON file for tables whose header is not a tierscan kind (repeatable).")
  var mappings: [String] = []

  @Option(
    name: .customLong("profile"),
    help: "A shipped mapping profile: os-hub, omts-supplier-list, smelter-list, cmrt-smelter-list (repeatable).")
  var profiles: [String] = []

  @Option(name: .customLong("profile-param"), help: "KEY=VALUE for a mapping or profile, e.g. buyer_id=MYBRAND (repeatable).")
  var profileParams: [String] = []

  func validate() throws {
    _ = try parameters()
    _ = try columnMappings()
  }

  /// `--profile-param` values by key.
  func parameters() throws -> [String: String] {
    var values: [String: String] = [:]
    for param in profileParams {
      guard let equals = param.firstIndex(of: "="), equals != param.startIndex else {
        throw ValidationError("--profile-param '\(param)' is not KEY=VALUE.")
      }
      values[String(param[..<equals])] = String(param[param.index(after: equals)...])
    }
    return values
  }

  /// The mappings, files first, then profiles, with the parameters applied.
  func columnMappings() throws -> [ColumnMapping] {
    let values = try parameters()
    var result: [ColumnMapping] = []
    do {
      for path in mappings { result.append(try ColumnMapping.load(path: path)) }
      for name in profiles { result.append(try MappingProfiles.profile(name)) }
    } catch {
      throw ValidationError(error.description)
    }
    return result.map { mapping in
      var mapping = mapping
      mapping.parameterValues = values
      return mapping
    }
  }

  /// Applies the options to `options`.
  func apply(to options: inout IngestOptions) {
    options.encoding = encoding
    options.mappings = (try? columnMappings()) ?? []
  }
}

extension InputEncoding: ExpressibleByArgument {}

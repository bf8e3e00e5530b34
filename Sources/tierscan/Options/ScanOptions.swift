import ArgumentParser
import TierscanCore
import TierscanIngest
import TierscanReport
import TierscanRisk

/// The options shared by `scan`, `paths`, `statement`, `export` and `cmrt` (model §4).
struct ScanOptions: ParsableArguments {
  @Option(help: "Risk configuration JSON (default: the shipped defaults, docs/default-config.json).")
  var config: String?

  @Option(name: .customLong("smelter-lookup"), help: "A CMRT 6.x workbook whose Smelter Look-up sheet lists known CIDs.")
  var smelterLookups: [String] = []

  @Option(
    name: .customLong("period-end"),
    help: "The date (YYYY-MM-DD) audit evidence is judged at (default: statement: the year's last day; otherwise the newest date in the audit inputs).")
  var periodEnd: ISODate?

  @OptionGroup var limits: LimitOptions

  @OptionGroup var reading: ReadingOptions

  /// The request for the pipeline.
  func request(inputs: [String], focus: String?) -> ScanRequest {
    var ingestOptions = IngestOptions(limits: limits.limits)
    reading.apply(to: &ingestOptions)
    return ScanRequest(
      inputs: inputs, focus: focus, configPath: config, smelterLookups: smelterLookups,
      ingestOptions: ingestOptions)
  }
}

extension RiskLevel: ExpressibleByArgument {}
extension ISODate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}
extension PathsReport.Format: ExpressibleByArgument {}

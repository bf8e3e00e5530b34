import TierscanCore

enum BODSReader {
  static func read(bytes: [UInt8], path: String, limits: JSONLimits) -> IngestedInputs {
    var result = IngestedInputs()
    result.files.append(InputFileSummary(path: path, kind: .bods))
    return result
  }
}

import ArgumentParser

/// The INPUT arguments shared by every subcommand that reads inputs.
struct InputOptions: ParsableArguments {
  @Argument(help: "Input files or directories (.csv, .xml, .xlsx), read in the order given.")
  var inputs: [String]

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("Give at least one INPUT file or directory.") }
  }
}

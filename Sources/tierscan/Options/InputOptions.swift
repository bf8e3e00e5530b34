import ArgumentParser

/// The INPUT arguments shared by every subcommand that reads inputs, or a workspace period in
/// their place (`--workspace FILE --period P`, docs/workspace.md).
struct InputOptions: ParsableArguments {
  @Argument(help: "Input files or directories (.csv, .xml, .xlsx), read in the order given.")
  var inputs: [String] = []

  @Option(help: "Read the inputs of --period from this workspace file instead of INPUT arguments.")
  var workspace: String?

  @Option(help: "The workspace period to read (with --workspace).")
  var period: String?

  func validate() throws {
    if workspace != nil {
      if !inputs.isEmpty { throw ValidationError("Give INPUT arguments or --workspace, not both.") }
      if period == nil { throw ValidationError("--workspace needs --period.") }
    } else {
      if period != nil { throw ValidationError("--period needs --workspace.") }
      if inputs.isEmpty { throw ValidationError("Give at least one INPUT file or directory.") }
    }
  }
}

import ArgumentParser

@main
struct Tierscan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tierscan",
    abstract: "Supply-chain graph analyzer for modern slavery and conflict-minerals due diligence.",
    version: "0.1.0",
    subcommands: []
  )
}

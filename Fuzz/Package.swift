// swift-tools-version:6.0
// libFuzzer harnesses for tierscan's untrusted-input readers. Build and run with
// `Scripts/fuzz.sh TARGET SECONDS` (see docs/reliability.md); not part of the main build.
import PackageDescription

let package = Package(
  name: "TierscanFuzz",
  dependencies: [.package(name: "tierscan", path: "..")],
  targets: [
    .target(name: "FuzzDriver", dependencies: [.product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzXML", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzConfig", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzJSON", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzTables", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
    .executableTarget(name: "FuzzMapping", dependencies: ["FuzzDriver", .product(name: "TierscanKit", package: "tierscan")]),
  ],
  swiftLanguageModes: [.v6]
)

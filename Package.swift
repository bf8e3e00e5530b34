// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "tierscan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "tierscan", targets: ["tierscan"]),
    // For the fuzz harnesses in Fuzz/ (a separate package that depends on this one by path).
    .library(name: "TierscanKit", targets: ["TierscanCore", "TierscanIngest", "TierscanRisk", "TierscanMatch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    // The workspace's SQLite store (TierscanWorkspace only; system libsqlite3).
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // SHA-256 block compression with the x86 SHA extensions; TierscanCore falls back to Swift.
    .target(name: "CSHA256"),
    .target(name: "TierscanCore", dependencies: ["CSHA256", "CTierscanPrefetch"]),
    .target(
      name: "TierscanIngest",
      dependencies: [
        "TierscanCore", "CLibXML2", "CTierscanZlib",
      ],
      resources: [.copy("Resources")]
    ),
    .target(name: "TierscanMatch", dependencies: ["TierscanCore", "CTierscanPrefetch"]),
    // A cache prefetch hint for the random walks of the risk stage (header-only, inlined).
    .target(name: "CTierscanPrefetch"),
    // glibc's malloc arena limit for the command-line tool (header-only; see ctierscan_malloc.h).
    .target(name: "CTierscanMalloc"),
    .target(name: "TierscanRisk", dependencies: ["TierscanCore", "TierscanMatch", "CTierscanPrefetch"]),
    .target(name: "TierscanReport", dependencies: ["TierscanCore", "TierscanRisk", "TierscanIngest", "TierscanMatch"]),
    // zlib: XLSX parts (raw inflate) and the workspace's stored input files (system library, pkg-config `zlib`).
    .systemLibrary(name: "CTierscanZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // The workspace: one SQLite file of every import, period and retirement (docs/workspace.md).
    .target(
      name: "TierscanWorkspace",
      dependencies: [
        "TierscanCore", "TierscanIngest", "TierscanRisk", "TierscanReport", "TierscanMatch", "CTierscanZlib",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .executableTarget(
      name: "tierscan",
      dependencies: [
        "TierscanCore", "TierscanIngest", "TierscanRisk", "TierscanReport", "TierscanMatch", "TierscanWorkspace",
        "CTierscanMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What several test targets share (a seeded generator for property tests, the process's scratch
    // folder); not shipped.
    .target(name: "TierscanTestSupport", path: "Tests/TierscanTestSupport"),
    .testTarget(name: "TierscanCoreTests", dependencies: ["TierscanCore", "TierscanTestSupport"]),
    .testTarget(
      name: "TierscanIngestTests", dependencies: ["TierscanIngest", "TierscanCore", "TierscanTestSupport", "CTierscanZlib"]),
    .testTarget(
      name: "TierscanMatchTests", dependencies: ["TierscanMatch", "TierscanCore", "TierscanRisk", "TierscanTestSupport"]),
    .testTarget(
      name: "TierscanRiskTests", dependencies: ["TierscanRisk", "TierscanCore", "TierscanIngest", "TierscanTestSupport"]),
    .testTarget(
      name: "TierscanReportTests",
      dependencies: ["TierscanReport", "TierscanRisk", "TierscanIngest", "TierscanCore", "TierscanTestSupport"]),
    .testTarget(
      name: "TierscanWorkspaceTests",
      dependencies: [
        "TierscanWorkspace", "TierscanCore", "TierscanTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // End-to-end tests run the built binary; in-process tests parse commands with the executable
    // target's own types and run them through the library.
    .testTarget(
      name: "TierscanCLITests",
      dependencies: [
        "tierscan", "TierscanCore", "TierscanIngest", "TierscanRisk", "TierscanReport", "TierscanWorkspace",
        "TierscanTestSupport",
      ]),
  ],
  swiftLanguageModes: [.v6]
)

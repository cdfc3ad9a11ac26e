// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Visor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "visor", targets: ["visor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // ncursesw, wide-character API; a shim header turns its macros into functions.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libc's wcwidth and setlocale: display width measured as ncurses measures it.
        .systemLibrary(name: "CWidth", path: "Sources/CWidth"),
        .target(name: "VisorDomain", swiftSettings: strict),
        // What the application and the command line ask of a register, and the values it answers
        // with: a protocol and value types that belong to no backend.
        .target(name: "VisorRegister", dependencies: ["VisorDomain"], swiftSettings: strict),
        .target(
            name: "VisorStore",
            dependencies: [
                "VisorDomain", "VisorRegister",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The demonstration register (visor demo) and the changes the benchmarks make to one:
        // shipped with the executable, never part of the product's store.
        .target(
            name: "VisorDemo",
            dependencies: [
                "VisorDomain", "VisorRegister", "VisorStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .target(
            name: "VisorTUI",
            dependencies: ["VisorDomain", "VisorRegister", "CWidth", "TOMLKit"],
            swiftSettings: strict),
        .target(
            name: "VisorCurses",
            dependencies: ["VisorTUI", "CNcursesw"],
            swiftSettings: strict),
        .executableTarget(
            name: "visor",
            dependencies: [
                "VisorDomain", "VisorRegister", "VisorStore", "VisorDemo", "VisorTUI", "VisorCurses", "TOMLKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(name: "VisorDomainTests", dependencies: ["VisorDomain"], swiftSettings: strict),
        .testTarget(name: "VisorStoreTests", dependencies: ["VisorStore", "VisorRegister", "VisorDomain", "VisorDemo"], swiftSettings: strict),
        .testTarget(name: "VisorTUITests", dependencies: ["VisorTUI", "VisorRegister", "VisorDemo"], exclude: ["__Snapshots__"], swiftSettings: strict),
        .testTarget(
            name: "VisorEndToEndTests",
            dependencies: ["VisorDomain", "VisorRegister", "VisorStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

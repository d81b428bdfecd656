// swift-tools-version:6.0
import PackageDescription

// Layers, one way only:
//   CCmark (libcmark's C API) <- TiendoMarkdown (the only code that sees it)
//   <- TiendoCore (pure: directives, units, deadlines, status, progress)
//   CDeflate (zlib) <- TiendoOffice (office files as bytes: .docx to Markdown, zips checked and written; no disk)
//   <- TiendoSite (plan, view models, templates, encoders, output)
//   <- TiendoCLI (commands) <- tiendo (main)
let package = Package(
    name: "tiendo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tiendo", targets: ["tiendo"]),
        .library(name: "TiendoCore", targets: ["TiendoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // zlib's deflate, for the zips tiendo writes (TiendoOffice's ZipWriter).
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "TiendoMarkdown", dependencies: ["CCmark"]),
        .target(name: "CTiendoSystem"),
        .target(name: "TiendoCore", dependencies: ["TiendoMarkdown", "Yams"]),
        .target(name: "TiendoOffice", dependencies: [
            "CDeflate",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "TiendoSite", dependencies: [
            "TiendoCore", "TiendoMarkdown", "CTiendoSystem", "TiendoOffice",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "TiendoCLI", dependencies: [
            "TiendoCore", "TiendoSite", "TiendoOffice",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tiendo", dependencies: ["TiendoCLI"]),
        .testTarget(name: "TiendoCoreTests", dependencies: ["TiendoCore", "TiendoMarkdown"],
                    resources: [.copy("Fixtures")]),
        // swift-mustache is the reference the site's own template renderer is
        // checked against (TemplateReferenceTests), not part of the program.
        .testTarget(name: "TiendoOfficeTests", dependencies: ["TiendoOffice"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TiendoSiteTests", dependencies: ["TiendoSite", "TiendoCore", "TiendoCLI", "TiendoOffice",
                                                             .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                             .product(name: "Mustache", package: "swift-mustache")],
                    resources: [.copy("Fixtures")]),
    ]
)

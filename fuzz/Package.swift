// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for DLNPath's readers and checker, kept out of the main package so that
// `swift build` and `swift test` never see them. Build and run with `fuzz/run.sh` (README.md).
let harnesses = ["FuzzJSON", "FuzzCSV", "FuzzNPY", "FuzzNPZ", "FuzzProblem", "FuzzCertificate", "FuzzChecker"]

let package = Package(
    name: "DLNPathFuzz",
    dependencies: [.package(name: "DLNPath", path: "..")],
    targets: [
        // The libFuzzer driver entry point and the checks every harness shares.
        .target(name: "FuzzSupport"),
    ] + harnesses.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "DLNPath", package: "DLNPath")])
    }
)

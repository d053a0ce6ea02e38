// swift-tools-version:6.2
import PackageDescription

// One module per concept (see README "Layout"); `dlnpath` is a thin CLI on top.
let package = Package(
    name: "DLNPath",
    products: [
        .executable(name: "dlnpath", targets: ["dlnpath"]),
        .library(name: "DLNPath", targets: [
            "SeededRandom", "ExactArithmetic", "ExactLinearAlgebra", "ModularArithmetic", "PlainText",
            "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat", "SHA256Digest",
            "ProblemDefinition", "ProblemReading", "FaceSolver", "LassoHomotopy", "SaddleToSaddle",
            "LimitVerdict", "StiffODE", "NumericFlow", "ProgressReporting", "SVGPlot", "Certificates",
            "CertificateChecker", "SolverCheck", "CounterexampleSearch", "RunCheck", "ParallelWork",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C shim: GMP's mpz_/mpq_ names are macros, so the header re-exports them as functions.
        .target(name: "CGMP", exclude: ["README.md"], linkerSettings: [.linkedLibrary("gmp"), .linkedLibrary("m")]),
        // C shim: zlib's inflateInit2/deflateInit2 are macros, so the header re-exports them as functions.
        .target(name: "CZlib", exclude: ["README.md"], linkerSettings: [.linkedLibrary("z")]),
        .target(name: "SeededRandom", exclude: ["README.md"]),
        .target(name: "PlainText", exclude: ["README.md"]),
        .target(name: "CMalloc", exclude: ["README.md"]),
        .target(name: "CFileSpace", exclude: ["README.md"]),
        .target(name: "ParallelWork", dependencies: ["CMalloc"], exclude: ["README.md"]),
        .target(name: "ExactArithmetic", dependencies: ["CGMP", "DataFormats", "JSONFormat", "PlainText"], exclude: ["README.md"]),
        .target(name: "ExactLinearAlgebra", dependencies: ["ExactArithmetic"], exclude: ["README.md"]),
        .target(name: "ModularArithmetic", dependencies: ["ExactArithmetic"], exclude: ["README.md"]),
        // File formats: one error type (DataFormats), then one module per format.
        .target(name: "DataFormats", exclude: ["README.md"]),
        .target(name: "JSONFormat", dependencies: ["DataFormats", "CFileSpace"], exclude: ["README.md"]),
        .target(name: "CSVFormat", dependencies: ["DataFormats"], exclude: ["README.md"]),
        .target(name: "NumPyFormat", dependencies: ["DataFormats", "CZlib"], exclude: ["README.md"]),
        .target(name: "SHA256Digest", exclude: ["README.md"]),
        .target(name: "ProblemDefinition", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "PlainText"], exclude: ["README.md"]),
        .target(name: "ProblemReading", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ProblemDefinition", "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat"], exclude: ["README.md"]),
        .target(name: "FaceSolver", dependencies: ["ExactArithmetic", "ExactLinearAlgebra"], exclude: ["README.md"]),
        .target(name: "LassoHomotopy", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ModularArithmetic", "DataFormats", "JSONFormat", "PlainText", "ProgressReporting", "FaceSolver", "ProblemDefinition", "ParallelWork"], exclude: ["README.md"]),
        .target(name: "SaddleToSaddle", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "PlainText", "ProgressReporting", "ModularArithmetic", "FaceSolver", "ProblemDefinition", "ParallelWork"], exclude: ["README.md"]),
        .target(name: "LimitVerdict", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "PlainText", "ProblemDefinition", "LassoHomotopy", "SaddleToSaddle", "ParallelWork", "ProgressReporting"], exclude: ["README.md"]),
        .target(name: "StiffODE", exclude: ["README.md"]),
        .target(name: "NumericFlow", dependencies: ["StiffODE"], exclude: ["README.md"]),
        .target(name: "ProgressReporting", exclude: ["README.md"]),
        .target(name: "SVGPlot", exclude: ["README.md"]),
        .target(name: "Certificates", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ProblemDefinition", "ProblemReading", "FaceSolver", "LassoHomotopy", "SaddleToSaddle", "LimitVerdict", "DataFormats", "JSONFormat", "SHA256Digest", "CertificateChecker"], exclude: ["README.md"]),
        // The checker shares no solving code with the solver it checks (DRAT/VIPR style).
        .target(name: "CertificateChecker", dependencies: ["ExactArithmetic", "DataFormats", "JSONFormat", "SHA256Digest"], exclude: ["README.md"]),
        .target(name: "SolverCheck", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ProblemDefinition", "ProblemReading", "LassoHomotopy", "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat", "PlainText"], exclude: ["README.md"]),
        // Floating-point runs (the tool's own sweeps and a user's training run) against the exact reference.
        .target(name: "RunCheck", dependencies: ["ExactArithmetic", "PlainText", "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat", "ProblemDefinition", "LassoHomotopy", "SaddleToSaddle", "LimitVerdict", "NumericFlow", "SVGPlot"], exclude: ["README.md"]),
        .target(name: "CounterexampleSearch", dependencies: ["SeededRandom", "ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "ProblemDefinition", "LassoHomotopy", "SaddleToSaddle", "LimitVerdict", "Certificates", "CertificateChecker", "ParallelWork"], exclude: ["README.md"]),
        .executableTarget(name: "dlnpath", dependencies: [
            "ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat",
            "ProblemDefinition", "ProblemReading", "FaceSolver", "LassoHomotopy", "SaddleToSaddle", "LimitVerdict",
            "NumericFlow", "ProgressReporting", "PlainText", "SHA256Digest", "SVGPlot", "Certificates",
            "CertificateChecker", "SolverCheck", "CounterexampleSearch", "RunCheck", "ParallelWork",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dlnpath-bench", dependencies: [
            "SeededRandom",
            "ExactArithmetic", "ExactLinearAlgebra", "ProblemDefinition", "ProblemReading", "LassoHomotopy",
            "SaddleToSaddle", "LimitVerdict", "NumericFlow", "CounterexampleSearch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Test support: each test process's scratch files in one directory, removed at exit.
        .target(name: "TestScratch", path: "Tests/TestScratch", exclude: ["README.md"]),
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork"]),
        .testTarget(name: "ExactArithmeticTests", dependencies: ["SeededRandom", "ExactArithmetic", "DataFormats", "JSONFormat", "PlainText"]),
        .testTarget(name: "ExactLinearAlgebraTests", dependencies: ["SeededRandom", "ExactLinearAlgebra"]),
        .testTarget(name: "ModularArithmeticTests", dependencies: ["SeededRandom", "ExactArithmetic", "ExactLinearAlgebra", "ModularArithmetic", "ProblemDefinition", "SaddleToSaddle"]),
        // One target for the format modules: they share fixtures and the robustness sweep.
        .testTarget(name: "DataFormatsTests", dependencies: ["SeededRandom", "DataFormats", "JSONFormat", "CSVFormat", "NumPyFormat", "SHA256Digest", "CZlib", "PlainText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ProblemReadingTests", dependencies: ["TestScratch", "ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "JSONFormat", "PlainText", "ProblemDefinition", "ProblemReading"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FaceSolverTests", dependencies: ["SeededRandom", "FaceSolver"]),
        .testTarget(name: "LassoHomotopyTests", dependencies: ["SeededRandom", "LassoHomotopy", "ProgressReporting", "ProblemDefinition", "DataFormats", "JSONFormat", "PlainText"]),
        .testTarget(name: "SaddleToSaddleTests", dependencies: ["SeededRandom", "SaddleToSaddle", "LimitVerdict", "DataFormats", "JSONFormat", "PlainText", "ProblemDefinition", "ProblemReading", "LassoHomotopy"]),
        .testTarget(name: "StiffODETests", dependencies: ["StiffODE"]),
        .testTarget(name: "NumericFlowTests", dependencies: ["NumericFlow", "StiffODE", "SVGPlot"]),
        .testTarget(name: "CertificatesTests", dependencies: ["SeededRandom", "Certificates", "CertificateChecker", "ProblemDefinition", "ProblemReading", "ExactLinearAlgebra", "LimitVerdict", "JSONFormat", "DataFormats"]),
        .testTarget(name: "SolverCheckTests", dependencies: ["TestScratch", "SeededRandom", "SolverCheck", "NumPyFormat", "ProblemReading"]),
        .testTarget(name: "CounterexampleSearchTests", dependencies: ["TestScratch", "SeededRandom", "CounterexampleSearch", "CertificateChecker", "LimitVerdict"]),
        .testTarget(name: "RunCheckTests", dependencies: ["TestScratch", "SeededRandom", "RunCheck", "DataFormats", "NumPyFormat", "ProblemDefinition", "ExactArithmetic", "ExactLinearAlgebra", "NumericFlow", "SVGPlot"]),
        .testTarget(name: "CLITests", dependencies: ["TestScratch", "dlnpath", "CZlib", "SeededRandom", "ExactArithmetic", "DataFormats", "JSONFormat", "PlainText", "NumericFlow", "NumPyFormat"]),
    ]
)

// Using a deprecated declaration is an error, not a warning: in particular `[Rational] + [Rational]`
// (ExactLinearAlgebra), which would otherwise read as concatenation or sum (see Vector.swift).
for target in package.targets where !["CGMP", "CZlib", "CMalloc"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatWarning("DeprecatedDeclaration", as: .error)]
}

// swift-tools-version:6.0
import PackageDescription

// One module per concept (see README "Layout"); `dlnpath` is a thin CLI on top.
let package = Package(
    name: "DLNPath",
    products: [
        .executable(name: "dlnpath", targets: ["dlnpath"]),
        .library(name: "DLNPath", targets: [
            "SeededRandom", "ExactArithmetic", "ExactLinearAlgebra", "ProblemInput", "FaceSolver",
            "LassoHomotopy", "SaddleToSaddle", "NumericFlow", "Certificates",
            "CertificateChecker", "SolverCheck", "CounterexampleSearch",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C shim: GMP's mpz_/mpq_ names are macros, so the header re-exports them as functions.
        .target(name: "CGMP", exclude: ["README.md"], linkerSettings: [.linkedLibrary("gmp"), .linkedLibrary("m")]),
        .target(name: "SeededRandom", exclude: ["README.md"]),
        .target(name: "ExactArithmetic", dependencies: ["CGMP", "DataFormats"], exclude: ["README.md"]),
        .target(name: "ExactLinearAlgebra", dependencies: ["ExactArithmetic"], exclude: ["README.md"]),
        .target(name: "DataFormats", exclude: ["README.md"]),
        .target(name: "ProblemInput", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats"], exclude: ["README.md"]),
        .target(name: "FaceSolver", dependencies: ["ExactArithmetic", "ExactLinearAlgebra"], exclude: ["README.md"]),
        .target(name: "LassoHomotopy", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "FaceSolver", "ProblemInput"], exclude: ["README.md"]),
        .target(name: "SaddleToSaddle", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "FaceSolver", "LassoHomotopy", "ProblemInput"], exclude: ["README.md"]),
        .target(name: "NumericFlow", dependencies: ["SeededRandom"], exclude: ["README.md"]),
        .target(name: "SVGPlot", exclude: ["README.md"]),
        .target(name: "Certificates", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ProblemInput", "FaceSolver", "LassoHomotopy", "SaddleToSaddle", "DataFormats"], exclude: ["README.md"]),
        // The checker shares no solving code with the solver it checks (DRAT/VIPR style).
        .target(name: "CertificateChecker", dependencies: ["ExactArithmetic", "DataFormats"], exclude: ["README.md"]),
        .target(name: "SolverCheck", dependencies: ["ExactArithmetic", "ExactLinearAlgebra", "ProblemInput", "LassoHomotopy", "DataFormats"], exclude: ["README.md"]),
        .target(name: "CounterexampleSearch", dependencies: ["SeededRandom", "ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "ProblemInput", "LassoHomotopy", "SaddleToSaddle", "Certificates"], exclude: ["README.md"]),
        .executableTarget(name: "dlnpath", dependencies: [
            "ExactArithmetic", "ExactLinearAlgebra", "DataFormats", "ProblemInput", "FaceSolver",
            "LassoHomotopy", "SaddleToSaddle", "NumericFlow", "SVGPlot", "Certificates",
            "CertificateChecker", "SolverCheck", "CounterexampleSearch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dlnpath-bench", dependencies: [
            "SeededRandom",
            "ExactArithmetic", "ExactLinearAlgebra", "ProblemInput", "LassoHomotopy", "SaddleToSaddle",
            "NumericFlow", "CounterexampleSearch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ExactArithmeticTests", dependencies: ["SeededRandom", "ExactArithmetic", "DataFormats"]),
        .testTarget(name: "ExactLinearAlgebraTests", dependencies: ["SeededRandom", "ExactLinearAlgebra"]),
        .testTarget(name: "DataFormatsTests", dependencies: ["SeededRandom", "DataFormats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ProblemInputTests", dependencies: ["ProblemInput", "DataFormats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FaceSolverTests", dependencies: ["SeededRandom", "FaceSolver"]),
        .testTarget(name: "LassoHomotopyTests", dependencies: ["SeededRandom", "LassoHomotopy"]),
        .testTarget(name: "SaddleToSaddleTests", dependencies: ["SeededRandom", "SaddleToSaddle", "DataFormats", "ProblemInput", "LassoHomotopy"]),
        .testTarget(name: "NumericFlowTests", dependencies: ["NumericFlow", "SVGPlot"]),
        .testTarget(name: "CertificatesTests", dependencies: ["SeededRandom", "Certificates", "CertificateChecker", "ProblemInput", "ExactLinearAlgebra"]),
        .testTarget(name: "SolverCheckTests", dependencies: ["SolverCheck"]),
        .testTarget(name: "CounterexampleSearchTests", dependencies: ["SeededRandom", "CounterexampleSearch", "CertificateChecker"]),
        .testTarget(name: "CLITests", dependencies: ["dlnpath", "SeededRandom", "ExactArithmetic", "DataFormats"]),
    ]
)

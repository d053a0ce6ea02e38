import ArgumentParser
import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import NumericFlow
import ProblemDefinition
import SaddleToSaddle

/// `dlnpath-bench flow [--baseline]`: one ε = 1e-50 run of the Z-ODE on the seeded d = 50,
/// n = 100 instance up to the last saddle, optionally against the SciPy baseline of
/// `examples/flow-baseline/baseline.py` on the same instance (bit-identical, passed as JSON).
///
/// The horizon is the last exact saddle time of the instance (its M and r are the Doubles taken
/// as exact dyadic rationals), times `--past` so the last jump is completed; computing it is not
/// timed. Both sides report the best of `--repetitions` process-CPU times of the integration
/// alone (Python start-up, imports and instance building excluded); the ratio is SciPy / Swift.
/// Accuracy: a Swift run at rtol = 1e-13 is the reference, and both sides' max-norm error of
/// x̄(s_max) against it is printed, so the ratio can be read at equal accuracy; so is the largest
/// error of x̄(s) on `--grid` equally spaced s in (0, s_max], each side through its own dense
/// output (evaluated outside the timing). The end point alone is a lenient measure: the flow
/// contracts onto its last saddle and forgets earlier errors (e.g. in the timing of a jump).
struct FlowBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Time the numeric DLN flow (ε = 1e-50, d = 50, n = 100) up to the last saddle; --baseline runs SciPy too."
    )

    @Option(help: "Features.")
    var d = 50

    @Option(help: "Samples.")
    var n = 100

    @Option(help: "Seed of the SplitMix64 generator (same instance as baseline.py).")
    var seed: UInt64 = 1

    @Option(name: .customLong("epsilon-exponent"), parsing: .unconditional, help: "ε = 10^this (a negative integer).")
    var epsilonExponent = -50

    @Option(name: .customLong("s-max"), parsing: .unconditional,
            help: "Horizon; default: the last exact saddle time × --past.")
    var sMax: Double?

    @Option(parsing: .unconditional, help: "Factor past the last saddle time for the default horizon.")
    var past = 1.1

    @Option(parsing: .unconditional, help: "Relative tolerance of the Swift run (and of the baseline, unless --baseline-rtol).")
    var rtol = 1e-7

    @Option(parsing: .unconditional, help: "Absolute tolerance of the Swift run (and of the baseline, unless --baseline-atol).")
    var atol = 1e-9

    @Option(parsing: .unconditional, help: "Best of this many runs (both sides).")
    var repetitions = 5

    @Option(name: .customLong("baseline-rtol"), parsing: .unconditional, help: "Relative tolerance of the baseline (default: --rtol).")
    var baselineRtol: Double?

    @Option(name: .customLong("baseline-atol"), parsing: .unconditional, help: "Absolute tolerance of the baseline (default: --atol).")
    var baselineAtol: Double?

    @Flag(help: "Also run the SciPy baseline (python3 with numpy and scipy).")
    var baseline = false

    @Option(help: "scipy.integrate.solve_ivp method of the baseline.")
    var method = "Radau"

    @Option(help: "Path of baseline.py (default: examples/flow-baseline/baseline.py of this package).")
    var script: String?

    @Option(name: .customLong("instance-out"), help: "Where to write the instance JSON (default: a temporary file).")
    var instanceOut: String?

    @Option(help: "Number of equally spaced s in (0, s_max] on which the error of x̄(s) is also measured.")
    var grid = 2000

    func validate() throws {
        guard epsilonExponent < 0 else { throw ValidationError("--epsilon-exponent must be negative") }
        guard d > 0, n > 0, repetitions > 0, rtol > 0, atol > 0, past >= 1, grid > 0 else {
            throw ValidationError("--d, --n, --repetitions, --rtol, --atol, --grid must be positive and --past ≥ 1")
        }
        if let sMax, !(sMax > 0 && sMax.isFinite) { throw ValidationError("--s-max must be positive") }
        if [baselineRtol, baselineAtol].contains(where: { $0.map { !($0 > 0) } ?? false }) {
            throw ValidationError("--baseline-rtol and --baseline-atol must be positive")
        }
    }

    func run() throws {
        let epsilon = try FlowEpsilon(parsing: "1e\(epsilonExponent)")
        let options = FlowOptions(relativeTolerance: rtol, absoluteTolerance: atol)
        print("instance: seeded Gaussian X (n = \(n), d = \(d), seed \(seed)), M = XᵀX/n, r = Xᵀy/n; signed network, β = 1, γ = 0; ε = \(epsilon.label)")

        // The horizon: past the last saddle of the exact limit (not timed).
        let horizon: Double
        if let sMax {
            horizon = sMax
            print("s_max = \(sMax) (given)")
        } else {
            let start = ContinuousClock.now
            let (M, r) = FlowBenchmark.instance(d: d, n: n, seed: seed)
            let problem = try Problem(M: Matrix(M.map { $0.map { Rational(exactly: $0)! } }), r: r.map { Rational(exactly: $0)! })
            let limit = try DLNLimit(problem: problem)
            let last = limit.saddles.last!.s
            horizon = past * last.doubleValue
            print("exact limit: \(limit.saddles.count - 1) jumps, last saddle at s ≈ \(format(last.doubleValue, 6)) (exact, \(seconds(ContinuousClock.now - start)) s, not timed); s_max = \(format(past, 3)) × that = \(format(horizon, 6))")
        }

        let gridTimes = (1...grid).map { horizon * Double($0) / Double(grid) }
        let swift = try FlowBenchmark.run(d: d, n: n, seed: seed, epsilon: epsilon, sMax: horizon, options: options,
                                          repetitions: repetitions, sampleTimes: gridTimes)
        let reference = try FlowBenchmark.run(d: d, n: n, seed: seed, epsilon: epsilon, sMax: horizon,
                                              options: FlowOptions(relativeTolerance: 1e-13, absoluteTolerance: 1e-15),
                                              repetitions: 1, sampleTimes: gridTimes)
        let swiftError = maxDifference(swift.finalAveraged, reference.finalAveraged)
        let swiftGridError = zip(swift.sampledAveraged, reference.sampledAveraged).map { maxDifference($0, $1) }.max() ?? 0
        let stats = swift.statistics
        print("Swift RODAS4 (rtol \(rtol), atol \(atol)): \(ms(swift.cpuSeconds)) CPU, \(ms(swift.seconds)) wall (best of \(repetitions)); "
            + "\(stats.acceptedSteps) steps + \(stats.rejectedSteps) rejected, \(stats.decompositions) factorisations; "
            + "max error of x̄(s_max) vs rtol 1e-13: \(format(swiftError, 3)); on \(grid) grid points: \(format(swiftGridError, 3))")

        guard baseline else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dlnpath-bench-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let instancePath = instanceOut ?? directory.appendingPathComponent("instance.json").path
        try Data(FlowBenchmark.instanceJSON(d: d, n: n, seed: seed).utf8).write(to: URL(fileURLWithPath: instancePath))
        let referencePath = directory.appendingPathComponent("reference.json").path
        let referenceText = "[" + reference.finalAveraged.map { "\($0)" }.joined(separator: ",") + "]"
        try Data(referenceText.utf8).write(to: URL(fileURLWithPath: referencePath))
        let gridPath = directory.appendingPathComponent("reference-grid.json").path
        let gridText = "{\"s\":[" + gridTimes.map { "\($0)" }.joined(separator: ",") + "],\"xbar\":["
            + reference.sampledAveraged.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
        try Data(gridText.utf8).write(to: URL(fileURLWithPath: gridPath))
        let scriptPath = script ?? Self.packageRoot.appendingPathComponent("examples/flow-baseline/baseline.py").path

        let pyRtol = baselineRtol ?? rtol, pyAtol = baselineAtol ?? atol
        let arguments = [
            "python3", scriptPath, "--instance", instancePath, "--epsilon-exponent", String(epsilonExponent),
            "--smax", "\(horizon)", "--method", method, "--rtol", "\(pyRtol)", "--atol", "\(pyAtol)",
            "--repeat", String(repetitions), "--reference", referencePath, "--reference-grid", gridPath, "--json",
        ]
        // Python's json writes NaN/Infinity when a method blows up; read them as null.
        let output = try runProcess(arguments)
            .replacingOccurrences(of: "-Infinity", with: "null").replacingOccurrences(of: "Infinity", with: "null")
            .replacingOccurrences(of: "NaN", with: "null")
        guard let data = output.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cpu = (object["cpuSeconds"] as? NSNumber)?.doubleValue,
              let wall = (object["seconds"] as? NSNumber)?.doubleValue else {
            throw ValidationError("could not read the baseline's output:\n\(output)")
        }
        let steps = (object["steps"] as? NSNumber)?.intValue ?? -1
        let error = (object["maxError"] as? NSNumber)?.doubleValue
        let gridError = (object["maxGridError"] as? NSNumber)?.doubleValue
        print("SciPy \(method) (rtol \(pyRtol), atol \(pyAtol)): \(ms(cpu)) CPU, \(ms(wall)) wall (best of \(repetitions)); "
            + "\(steps) steps; max error of x̄(s_max) vs the same reference: "
            + (error.map { format($0, 3) } ?? "none: its x̄(s_max) is not finite (the method failed on this horizon)")
            + (error == nil ? "" : "; on \(grid) grid points: " + (gridError.map { format($0, 3) } ?? "not finite")))
        guard error != nil else {
            print("ratio SciPy/Swift: not meaningful, the baseline did not produce a finite result")
            return
        }
        print("ratio SciPy/Swift: \(format(cpu / swift.cpuSeconds, 3))× CPU, \(format(wall / swift.seconds, 3))× wall"
            + (instanceOut.map { " (instance written to \($0))" } ?? ""))
    }

    /// Runs a command through `/usr/bin/env` and returns its standard output (stderr passes through).
    func runProcess(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("dlnpath-bench-flow-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let handle = try FileHandle(forWritingTo: outURL)
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return text
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    func format(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)g", x) }
    func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
    func seconds(_ d: Duration) -> String {
        String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
}

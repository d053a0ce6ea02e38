import NumPyFormat
import Foundation
import NumericFlow
import Testing
import TestScratch

/// `dlnpath check-run` end to end, on runs made here by NumericFlow's integrator.
@Suite("dlnpath check-run")
struct CheckRunCLITests {
    static let berthier = repositoryFile("examples/berthier-example.json")
    let dir: URL

    init() throws {
        dir = try TestScratch.directory("check-run")
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The worked example's flow at ε = 1e-6, 3000 samples on s ∈ [0, 4.5], times t = s·log(1/ε)/2,
    /// saved as np.savez would (t, x, epsilon).
    func flowRunFile() throws -> String {
        let problem = try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2])
        let eps = try FlowEpsilon(parsing: "1e-6")
        let trajectory = try ZFlow.solve(problem, epsilon: eps, sMax: 4.5, options: FlowOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12))
        let s = (0..<3000).map { 4.5 * Double($0) / 2999 }
        let file = path("run.npz")
        try NPZArchive.write([
            "t": try NPYArray(float64: s.map { $0 * eps.logInverse / 2 }, shape: [3000]),
            "x": try NPYArray(float64: s.flatMap { trajectory.iterate(at: $0) }, shape: [3000, 2]),
            "epsilon": try NPYArray(float64: [1e-6], shape: []),
        ], to: URL(fileURLWithPath: file))
        return file
    }

    @Test func consistentRunTextJSONAndPlot() throws {
        let run = try flowRunFile()
        let text = try runDLNPath(["check-run", Self.berthier, run, "--expect-consistent", "--plot", path("run.svg")])
        #expect(text.status == 0, "\(text.stdout)\n\(text.stderr)")
        #expect(text.stdout.contains("verdict: consistent"), "\(text.stdout)")
        #expect(text.stdout.contains("runDeviation: from the tool's own run"))
        #expect(text.stdout.contains("leaves the lasso path on s ∈ (3/4, 3)"))
        #expect(text.stdout.contains("criterion: consistent when runDeviation ≤ tolerance"))
        #expect(text.stdout.contains("wrote \(path("run.svg"))"))
        let svg = try String(contentsOfFile: path("run.svg"), encoding: .utf8)
        #expect(svg.contains("the run&apos;s average x̄(s)"))
        let json = try runDLNPath(["check-run", Self.berthier, run, "--json"])
        #expect(json.status == 0)
        let o = try jsonObject(json.stdout)
        #expect(o["verdict"] as? String == "consistent")
        #expect(((o["runDeviation"] as? NSNumber)?.doubleValue ?? 1) < 1e-6)
        #expect(((o["lassoDeviation"] as? NSNumber)?.doubleValue ?? 0) > 0.25)
        #expect(o["limitDeviation"] is NSNumber && o["sAtLimitDeviation"] is NSNumber)
        #expect(((o["series"] as? [String: Any])?["limitDeviation"] as? [Any])?.count == 2999)
    }

    @Test func anotherEpsilonIsInconsistentAndExpectConsistentFails() throws {
        let run = try runDLNPath(["check-run", Self.berthier, try flowRunFile(), "--epsilon", "1e-8", "--expect-consistent"])
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("verdict: inconsistent"))
        #expect(run.stderr.contains("expected the run to be consistent, but the verdict is inconsistent"))
    }

    @Test func badRunsExitTwoNamingFileKeyAndRow() throws {
        let cases: [(String, String, [String], String)] = [
            ("late.csv", "t,x0,x1\n0,0,0\n2,0,0\n1,0,0\n", ["--epsilon", "1e-6"], "late.csv: t, line 4: times must increase, but 1.0 follows 2.0"),
            ("wide.json", #"{"t": [0, 1], "x": [[0, 0, 0], [0, 0, 0]], "epsilon": 1e-6}"#, [], "wide.json: x, row 0: 3 values but the problem has d = 2 coordinates"),
            ("nan.json", #"{"t": [0, 1], "x": [[0, 0], [0, "nan"]], "epsilon": 1e-6}"#, [], "nan.json: x, row 1, coordinate 1 (0-based): nan is not finite"),
            ("noeps.csv", "t,x0,x1\n0,0,0\n1,0,0\n", [], "noeps.csv: no ε: the file stores none (key 'epsilon'), so give --epsilon"),
            ("step.csv", "t,x0,x1\n0,0,0\n1,0,0\n", ["--epsilon", "1e-6", "--step", "-0.1"], "--step must be positive"),
        ]
        for (name, content, args, message) in cases {
            try content.write(toFile: path(name), atomically: true, encoding: .utf8)
            let run = try runDLNPath(["check-run", Self.berthier, path(name)] + args)
            #expect(run.status == 2, "\(name): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func helpStatesTheConventionsAndConversions() throws {
        let run = try runDLNPath(["check-run", "--help"])
        #expect(run.status == 0)
        for phrase in ["u(0) = √ε β", "s = 2t/log(1/ε)", "4t/log(1/ε)", "ε = α_init²", "without the ½", "Sum instead of mean", "keys exactly t, x"] {
            #expect(run.stdout.contains(phrase), "\(phrase)")
        }
    }

    /// A step at which the tool's own gradient descent diverges leaves nothing to check against:
    /// exit 1 (a check that cannot be computed), said once, in the diagnosis's decimals.
    @Test func aStepAtWhichTheReferenceDivergesExitsOne() throws {
        let rows = (0..<30).map { "\($0),0,0\n" }.joined()  // 30 iterations: enough to diverge
        try ("t,x0,x1\n" + rows).write(toFile: path("huge-step.csv"), atomically: true, encoding: .utf8)
        let run = try runDLNPath(["check-run", Self.berthier, path("huge-step.csv"), "--epsilon", "1e-6", "--step", "1e9"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: the tool's gradient descent at the run's step cannot be the reference: diverged at s ≈ "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(": η = 1e+09 is far too large\n") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func absurdGridAndSamplesAreRefusedWithTheLargestAcceptedValue() throws {
        let flow = try runDLNPath(["flow", Self.berthier, "--grid", "1000000000"])
        #expect(flow.status == 2)
        #expect(flow.stderr.contains("--grid must be between 2 and 100000, got 1000000000"), "\(flow.stderr)")
        let plot = try runDLNPath(["plot", Self.berthier, "-o", path("p.svg"), "--samples", "1000000000"])
        #expect(plot.status == 2)
        #expect(plot.stderr.contains("--samples must be between 2 and 20000, got 1000000000"), "\(plot.stderr)")
        // The horizon: at most 10⁶ × the default, 3/2 × the last time 3 of docs/math.md §1's example.
        for command in [["flow"], ["plot", "-o", path("p.svg")]] {
            let far = try runDLNPath(command + [Self.berthier, "--s-max", "4500001"])
            #expect(far.status == 2 && far.stderr.contains("--s-max 4500001 is beyond 10⁶ × the default horizon (1.5 × the last saddle or knot time, 4.5)"), "\(far.stderr)")
        }
        let flowTolerance = try runDLNPath(["flow", Self.berthier, "--rtol", "0.3"])
        #expect(flowTolerance.status == 2 && flowTolerance.stderr.contains("--rtol must be at most 0.1 (a looser integration measures nothing), got 0.3"))
        #expect(try runDLNPath(["flow", Self.berthier, "--atol", "0.11"]).stderr.contains("--atol must be at most 0.1"))
    }

    /// ε = 1e-2 … 1e-4 is not yet in the 1/log(1/ε) regime: inconclusive, with an estimate.
    @Test func flowBeforeTheRegimeIsInconclusive() throws {
        let run = try runDLNPath(["flow", Self.berthier, "--epsilon", "1e-2,1e-3,1e-4", "--grid", "200", "--expect-consistent"])
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("verdict: inconclusive"), "\(run.stdout)")
        #expect(run.stdout.contains("should decide"))
        #expect(run.stderr.contains("the verdict is inconclusive"))
    }
}

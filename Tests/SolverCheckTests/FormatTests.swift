import JSONFormat
import NumPyFormat
import ExactArithmetic
import Foundation
import SolverCheck
import Testing

/// Every format written with DataFormats' writers (`SolverOutput` writers) reads back to the same
/// λ and x; malformed files are `SolverFileError`s naming the file and the member, row or column.
@Suite("solver output formats")
struct FormatTests {
    /// Doubles a solver would hold, including a NaN and values that are not short decimals.
    static let output = SolverOutput(
        lambdas: [1.25, 0.1, 1.0 / 3.0, 0],
        solutions: [[0, 0, 0], [0.1, -2.5e-300, 7], [1.0 / 3.0, .nan, -0.0], [1e300, -1, 0.5]])

    func sameValues(_ a: SolverOutput, _ b: SolverOutput) -> Bool {
        a.points.map(\.lambda) == b.points.map(\.lambda) && a.points.map(\.x) == b.points.map(\.x)
    }

    @Test func npzRoundTrip() throws {
        let url = try temporaryDirectory().appendingPathComponent("sol.npz")
        try Self.output.npzData().write(to: url)
        let back = try SolverOutputReader.read(url.path, dimension: 3)
        #expect(sameValues(back, Self.output))
        #expect(back.points[2].place == "alpha 3 (column 3 of member 'coefs')")
        #expect(back.points[1].x[0] == SolverNumber(0.1)) // the double, not 1/10
        #expect(back.points[1].x[0] != .exact(Rational(1, 10)))
    }

    @Test func npyPairRoundTrip() throws {
        let dir = try temporaryDirectory()
        let (alphas, coefs) = try Self.output.npyPair()
        try alphas.write(to: dir.appendingPathComponent("alphas.npy"))
        try coefs.write(to: dir.appendingPathComponent("coefs.npy"))
        let back = try SolverOutputReader.read(dir.appendingPathComponent("alphas.npy").path,
                                               coefs: dir.appendingPathComponent("coefs.npy").path, dimension: 3)
        #expect(sameValues(back, Self.output))
    }

    @Test func jsonRoundTrips() throws {
        let dir = try temporaryDirectory()
        for (name, value) in [("path.json", Self.output.pathJSON), ("solutions.json", Self.output.solutionsJSON)] {
            let url = dir.appendingPathComponent(name)
            try Data(value.serialized(pretty: true).utf8).write(to: url)
            let back = try SolverOutputReader.read(url.path, dimension: 3, kind: .path)
            #expect(sameValues(back, Self.output), "\(name)")
            #expect(back.kind == .path)
        }
    }

    @Test func csvRoundTrip() throws {
        let url = try temporaryDirectory().appendingPathComponent("sol.csv")
        try Data(Self.output.csv.utf8).write(to: url)
        let back = try SolverOutputReader.read(url.path, dimension: 3)
        #expect(sameValues(back, Self.output))
        #expect(back.points[0].place == "line 2")
    }

    /// What scikit-learn users write by hand: JSON numbers (exact decimal text), K × d
    /// coefficients, a single solution, CSV without a header from np.savetxt.
    @Test func handWrittenForms() throws {
        let dir = try temporaryDirectory()
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let kByD = try SolverOutputReader.read(try write("k.json", #"{"alphas": [2, 0.5], "coefs": [[1, 2, 3], [4, 5, 6]], "n_iter": 7}"#), dimension: 3)
        #expect(kByD.points.map(\.x) == [[1, 2, 3].map { .exact(Rational($0)) }, [4, 5, 6].map { .exact(Rational($0)) }])
        #expect(kByD.points[1].lambda == .exact(Rational(1, 2)))
        let dByK = try SolverOutputReader.read(try write("d.json", #"{"alphas": [2, 0.5], "coefs": [[1, 2], [3, 4], [5, 6]]}"#), dimension: 3)
        #expect(dByK.points[0].x == [1, 3, 5].map { .exact(Rational($0)) })
        let single = try SolverOutputReader.read(try write("s.json", #"{"alphas": 0.1, "coefs": ["1/3", 0, "-2"]}"#), dimension: 3)
        #expect(single.points.count == 1 && single.points[0].x[0] == .exact(Rational(1, 3)))
        let alpha = try SolverOutputReader.read(try write("a.json", #"{"solutions": [{"alpha": "1e-3", "x": [0, "NaN", 1]}]}"#), dimension: 3)
        #expect(alpha.points[0].lambda == .exact(Rational(1, 1000)))
        #expect(alpha.points[0].x[1] == .nonFinite(.nan))
        let csv = try SolverOutputReader.read(try write("s.csv", "1.250000000000000000e+00,0,0,0\n1.0e-1,2.5,nan,-inf\n"), dimension: 3)
        #expect(csv.points.count == 2 && csv.points[1].lambda == .exact(Rational(1, 10)) && csv.points[1].x[2] == .nonFinite(-.infinity))
    }

    static let malformed: [(name: String, contents: String, dimension: Int, message: String)] = [
        ("ragged.json", #"{"alphas": [1, 2], "coefs": [[1, 2], [3]]}"#, 2, "ragged.json: \"coefs\" is ragged: row 2 has 1 entries, row 1 has 2"),
        ("shape.json", #"{"alphas": [1, 2, 3], "coefs": [[1, 2], [3, 4]]}"#, 2, "shape.json: \"coefs\" has shape [2, 2] but there are 3 alphas and the problem has d = 2 coordinates; expected [2, 3] (scikit-learn: one column per alpha) or [3, 2]"),
        ("keys.json", #"{"lambdas": [1]}"#, 2, "keys.json: expected {\"alphas\": […], \"coefs\": [[…], …]} or {\"solutions\": [{\"lambda\": …, \"x\": […]}, …]} (found keys: lambdas)"),
        ("text.json", #"{"solutions": [{"lambda": 1, "x": [0, 0]}, {"lambda": 1, "x": [0, "zero"]}]}"#, 2, "text.json: solutions[2].x[2]: 'zero' is not a number"),
        ("dim.json", #"{"solutions": [{"lambda": 1, "x": [0, 0, 0]}]}"#, 2, "dim.json: solutions[1].x has 3 entries but the problem has d = 2 coordinates"),
        ("nolambda.json", #"{"solutions": [{"x": [0, 0]}]}"#, 2, "nolambda.json: solutions[1] has no \"lambda\""),
        ("syntax.json", "{\"alphas\": [1,],\n \"coefs\": []}", 2, "syntax.json, line 1"),
        ("bare-nan.json", #"{"alphas": [NaN], "coefs": [[0], [0]]}"#, 2, "bare-nan.json, line 1"),
        ("width.csv", "lambda,x1,x2\n1,0,0\n", 3, "width.csv: rows have 3 fields; expected 4 (lambda, then x_1 … x_3)"),
        ("field.csv", "1,0,0\n0.5,0,oops\n", 2, "field.csv: line 2, field 3: 'oops' is not a number"),
        ("empty.csv", "lambda,x1\n", 1, "empty.csv: the solver output has no solutions"),
        ("sol.yaml", "alphas: [1]", 1, "sol.yaml: unknown solver output type '.yaml'"),
        ("garbage.npz", "not a zip archive", 1, "garbage.npz"),
        ("alone.npy", "\u{93}NUMPY", 1, "alone.npy: an .npy file holds one array; give the alphas here and the coefficients with --coefs FILE.npy"),
    ]

    /// With as many alphas as coordinates the two orientations are one shape, named once.
    @Test func aSquareShapeIsNamedOnce() throws {
        let url = try temporaryDirectory().appendingPathComponent("square.json")
        try Data(#"{"alphas": [1, 2], "coefs": [[1, 2, 3], [3, 4, 5]]}"#.utf8).write(to: url)
        #expect(throws: SolverFileError("\(url.path): \"coefs\" has shape [2, 3] but there are 2 alphas and the problem has d = 2 coordinates; expected [2, 2] (scikit-learn: one column per alpha)")) {
            try SolverOutputReader.read(url.path, dimension: 2)
        }
    }

    @Test func malformedFilesNameThePlace() throws {
        let dir = try temporaryDirectory()
        for (name, contents, d, message) in Self.malformed {
            let url = dir.appendingPathComponent(name)
            try Data(contents.utf8).write(to: url)
            do {
                _ = try SolverOutputReader.read(url.path, dimension: d)
                Issue.record("\(name) was accepted")
            } catch let error as SolverFileError {
                #expect(error.message.contains(message), "\(name): \(error.message)")
                #expect(error.message.contains(name), "\(name): \(error.message)")
            }
        }
    }

    @Test func npzMembersAndShapes() throws {
        let dir = try temporaryDirectory()
        func npz(_ name: String, _ arrays: [String: NPYArray]) throws -> String {
            let url = dir.appendingPathComponent(name)
            try NPZArchive.write(arrays, to: url)
            return url.path
        }
        let alphas = try NPYArray(float64: [1, 0.5], shape: [2])
        let noCoefs = try npz("nocoefs.npz", ["alphas": alphas, "w": try NPYArray(float64: [0, 0], shape: [2])])
        #expect(throws: SolverFileError("\(noCoefs): no member 'coefs' (the archive has: alphas, w); save with np.savez(FILE, alphas=alphas, coefs=coefs)")) {
            try SolverOutputReader.read(noCoefs, dimension: 1)
        }
        let cube = try npz("cube.npz", ["alphas": alphas, "coefs": try NPYArray(float64: Array(repeating: 0, count: 8), shape: [2, 2, 2])])
        #expect(throws: SolverFileError("\(cube): member 'coefs' must be 2-dimensional (d × K), but its shape is [2, 2, 2]")) {
            try SolverOutputReader.read(cube, dimension: 2)
        }
        let ints = try npz("ints.npz", ["alphas": try NPYArray(int64: [3], shape: []), "coefs": try NPYArray(int64: [1, -2], shape: [2])])
        let read = try SolverOutputReader.read(ints, dimension: 2)
        #expect(read.points.map(\.x) == [[.exact(Rational(1)), .exact(Rational(-2))]])
        #expect(read.points[0].lambda == .exact(Rational(3)))
    }
}

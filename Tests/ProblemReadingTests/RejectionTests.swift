import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import ProblemDefinition
import ProblemReading
import Testing

/// Every rejection names the file and the place, and says what is wrong.
@Suite("Rejected inputs")
struct RejectionTests {
    // MARK: JSON

    @Test func raggedRows() {
        expectRejected(file: "p.json", #"{"X": [[1, 2], [3, 4], [5]], "y": [1, 2, 3]}"#,
                       ["X is ragged", "row 3 has 1 entries", "row 1 has 2"])
        expectRejected(file: "p.json", #"{"M": [[1, 0], [0]], "r": [1, 1]}"#, ["M is ragged", "row 2"])
    }

    @Test func mismatchedSizes() {
        expectRejected(file: "p.json", #"{"X": [[1], [2], [3]], "y": [1, 2]}"#, ["X has 3 rows but y has 2 entries"])
        expectRejected(file: "p.json", #"{"M": [[1, 0], [0, 1]], "r": [1, 2, 3]}"#, ["M is 2×2 but r has 3 entries"])
        expectRejected(file: "p.json", #"{"M": [[1], [0]], "r": [1, 2]}"#, ["M is 2×1", "must be 2×2"])
        expectRejected(file: "p.json", #"{"M": [[2]], "r": [1], "init": {"beta": [1, 1], "gamma": [0, 0]}}"#,
                       ["init.beta and init.gamma need 1 entries each (got 2 and 2)"])
    }

    @Test func emptyData() {
        expectRejected(file: "p.json", #"{"X": [], "y": []}"#, ["X is empty"])
        expectRejected(file: "p.json", #"{"X": [[]], "y": [1]}"#, ["X is empty"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": []}"#, ["\"r\" is empty"])
        expectRejected(file: "p.json", "", ["p.json"])
        expectRejected(file: "p.json", "{}", ["give either \"X\" and \"y\", or \"M\" and \"r\""])
        expectRejected(file: "p.json", #"{"X": [[1]], "y": [1], "M": [[1]], "r": [1]}"#, ["not both"])
        expectRejected(file: "p.json", #"{"X": [[1]]}"#, ["\"y\" is missing"])
        expectRejected(file: "p.json", "[1, 2]", ["top level must be a JSON object"])
    }

    @Test func unparsableNumberNamesRowAndColumn() {
        expectRejected(file: "p.json", #"{"X": [[1, 2, 3], [4, 5, "6,5"]], "y": [1, 2]}"#,
                       ["X[2][3]", "'6,5' is not a number"])
        expectRejected(file: "p.json", #"{"X": [[1, 2], [3, true]], "y": [1, 2]}"#, ["X[2][2] must be a number"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": ["1/0"]}"#, ["r[1]", "denominator is zero"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "weightDecay": "fast"}"#, ["weightDecay", "'fast'"])
    }

    @Test func nanAndInfinity() {
        expectRejected(file: "p.json", #"{"X": [[1, "NaN"]], "y": [1]}"#, ["X[1][2]", "NaN and infinity have no exact value"])
        expectRejected(file: "p.json", #"{"X": [[1, 2]], "y": ["-Infinity"]}"#, ["y[1]", "NaN and infinity"])
        // A bare NaN is not JSON at all: the parser names line and column.
        expectRejected(file: "p.json", "{\"X\": [[1, 2]],\n \"y\": [NaN]}", ["line 2"])
    }

    @Test func scalingDoesNotApplyToQuadraticInput() {
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "scaling": "sum"}"#, ["\"scaling\"", "does not apply"])
    }

    @Test func notSymmetric() {
        expectRejected(file: "p.json", #"{"M": [[1, 2, 0], [2, 5, "1/2"], [0, "1/3", 1]], "r": [1, 1, 1]}"#,
                       ["M is not symmetric", "M[2][3] = 1/2 but M[3][2] = 1/3"])
    }

    /// The message shows a witness v; parse it back and check vᵀMv < 0 ourselves.
    @Test(arguments: [
        "[[0, 1], [1, 0]]", "[[1, 2], [2, 1]]", "[[1, 0], [0, -1]]", "[[1, 1, 1], [1, 1, 2], [1, 2, 1]]",
        "[[4, 2, 0], [2, 1, 3], [0, 3, \"1/2\"]]",
    ])
    func notPositiveSemidefiniteShowsWitness(_ m: String) throws {
        let M = try #require(parseMatrix(m))
        let r = "[" + Array(repeating: "0", count: M.rows).joined(separator: ", ") + "]"
        let message = expectRejected(file: "p.json", #"{"M": \#(m), "r": \#(r)}"#,
                                     ["M is not positive semidefinite", "v = (", "vᵀMv = "])
        let inside = try #require(message.range(of: "v = (")).upperBound
        let close = try #require(message[inside...].firstIndex(of: ")"))
        let v = message[inside..<close].split(separator: ",").map { q(String($0)) }
        try #require(v.count == M.rows)
        var value = Rational.zero
        for i in 0..<M.rows { for j in 0..<M.columns { value += v[i] * M[i, j] * v[j] } }
        #expect(value.signum < 0, "displayed witness \(v) gives \(value)")
        #expect(message.contains("vᵀMv = \(value) < 0"))
    }

    @Test func rNotInRange() {
        expectRejected(file: "p.json", #"{"M": [[1, 1], [1, 1]], "r": [1, 2]}"#, ["r is not in the range of M"])
        expectRejected(file: "p.json", #"{"M": [[0, 0], [0, 0]], "r": [0, "1e-300"]}"#, ["r is not in the range of M"])
    }

    @Test func negativeWeightDecay() {
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "weightDecay": "-1/2"}"#, ["weightDecay must be ≥ 0"])
    }

    @Test func degenerateInitialisations() {
        expectRejected(file: "p.json", #"{"M": [[1, 0], [0, 1]], "r": [1, 1], "init": {"beta": [1, 2], "gamma": [0, 2]}}"#,
                       ["degenerate initialisation", "beta[2] = ±gamma[2]"])
        expectRejected(file: "p.json", #"{"M": [[1, 0], [0, 1]], "r": [1, 1], "init": {"beta": ["-1/2", 1], "gamma": [0.5, 0]}}"#,
                       ["degenerate initialisation", "beta[1] = ±gamma[1]"])
        expectRejected(file: "p.json", #"{"M": [[1, 0], [0, 1]], "r": [1, 1], "nonnegative": true, "init": {"alpha": [1, "0/5"]}}"#,
                       ["degenerate initialisation", "alpha[2] = 0"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "init": {"alpha": [1]}}"#,
                       ["init gives alpha", "signed network takes beta and gamma"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "nonnegative": true, "init": {"beta": [1], "gamma": [0]}}"#,
                       ["init gives beta/gamma"])
        // The command line's --positive makes a signed init the wrong variant too.
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "init": {"beta": [1], "gamma": [0]}}"#, variant: .positive,
                       ["init gives beta/gamma"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "init": {"alpha": [1], "beta": [1]}}"#,
                       ["\"init\" takes either \"alpha\" or \"beta\" and \"gamma\""])
    }

    @Test func unknownKeysAndBadOptions() {
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "lamda": 1}"#, ["unknown key \"lamda\""])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1], "nonnegative": "yes"}"#, ["\"nonnegative\" must be true or false"])
        expectRejected(file: "p.json", #"{"X": [[1]], "y": [1], "scaling": "median"}"#, ["\"scaling\" must be \"mean\" or \"sum\""])
    }

    // MARK: CSV

    @Test func csvRejections() {
        expectRejected(file: "p.csv", "a,b,y\n1,2,3\n4,5\n", ["line 3", "expected 3 columns"])
        expectRejected(file: "p.csv", "a,b,y\n1,2,3\n4,x,6\n", ["line 3, column 2", "'x' is not a number"])
        expectRejected(file: "p.csv", "a,b,y\n1,2,3\n4,nan,6\n", ["line 3, column 2", "NaN and infinity"])
        expectRejected(file: "p.csv", "a,b,y\n1,2,3\n4,5,-inf\n", ["line 3, column 3"])
        expectRejected(file: "p.csv", "a,b,y\n", ["the header is the only row"])
        expectRejected(file: "p.csv", "", ["empty input"])
        expectRejected(file: "p.csv", "# only a comment\n\n", ["empty input"])
        expectRejected(file: "p.csv", "y\n1\n2\n", ["at least one feature column"])
        expectRejected(file: "p.csv", "a,b,y\n1,2,3\n", response: "z", ["no column named 'z'", "a, b, y"])
        expectRejected(file: "p.csv", "1,2,3\n4,5,6\n", ["no header row"])
        // A typo in the first data row is reported, not taken for a header.
        expectRejected(file: "p.csv", "1,2x,3\n4,5,6\n", ["line 1, column 2", "'2x' is not a number"])
    }

    @Test func csvWithSeparateY() {
        let y3 = temporaryFile("y.csv", "1\n2\n3\n")
        expectRejected(file: "X.csv", "1,0\n0,2\n", y: y3, ["X has 2 rows but y has 3 entries"])
        // A typo in the first row of a headerless X is not silently dropped as a header.
        expectRejected(file: "X.csv", "1,0x\n0,2\n1,1\n", y: y3, ["line 1, column 2", "'0x' is not a number"])
        let yBad = temporaryFile("y.csv", "1\n2\nnan\n")
        expectRejected(file: "X.csv", "1,0\n0,2\n1,1\n", y: yBad, ["y.csv", "line 3, column 1", "NaN"])
        let yTypo = temporaryFile("y.csv", "1x\n2\n3\n")
        expectRejected(file: "X.csv", "1,0\n0,2\n1,1\n", y: yTypo, ["y.csv", "line 1, column 1", "'1x'"])
        let yWide = temporaryFile("y.csv", "1,2\n3,4\n")
        expectRejected(file: "X.csv", "1,0\n0,2\n", y: yWide, ["y must be a single column or a single row"])
        expectRejected(file: "X.csv", "x1,y\n1,2\n", y: y3, response: "y", ["not both"])
        // X's own y column beside --y would become a feature (y fitted on itself).
        expectRejected(file: "X.csv", "a,b, Y \n1,2,3\n4,5,6\n7,8,10\n", y: y3, ["--y gives the response", "column 'Y'", "drop --y"])
        expectRejected(file: "X.csv", "1,0\n0,2\n1,1\n", y: Fixtures.path("no-such-y.csv"), ["no-such-y.csv", "cannot read file"])
    }

    /// Options a format cannot use are refused rather than silently ignored.
    @Test func misplacedResponseOptions() {
        let y = temporaryFile("y.csv", "1\n")
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1]}"#, y: y, ["--y is for an X-only .csv or .npy file"])
        expectRejected(ProblemSource(path: Fixtures.path("xy.npz"), responsePath: y), ["--y"])
        expectRejected(file: "p.json", #"{"M": [[1]], "r": [1]}"#, response: "y", ["--response names a column of a CSV file"])
    }

    // MARK: NumPy and files

    @Test func numpyRejections() {
        expectRejected(ProblemSource(path: Fixtures.path("X_nan.npy"), responsePath: Fixtures.path("y_f8.npy")),
                       ["X[2][1] is nan, which has no exact value"])
        expectRejected(ProblemSource(path: Fixtures.path("X_f8_le.npy"), responsePath: Fixtures.path("y_inf.npy")),
                       ["y_inf.npy", "y[2] is inf"])
        expectRejected(ProblemSource(path: Fixtures.path("xy_nan.npz")), ["y[2] is nan"])
        expectRejected(ProblemSource(path: Fixtures.path("X_1d.npy"), responsePath: Fixtures.path("y_f8.npy")),
                       ["X must be 2-dimensional", "[3]"])
        expectRejected(ProblemSource(path: Fixtures.path("X_f8_le.npy")), ["give y with --y FILE"])
        expectRejected(ProblemSource(path: Fixtures.path("X_f8_le.npy"), responsePath: Fixtures.path("X_f8_le.npy")),
                       ["y must be a vector (shape (n,), (n, 1) or (1, n))", "[3, 2]"])
        expectRejected(ProblemSource(path: Fixtures.path("xy_two_columns.npz")),
                       ["xy_two_columns.npz: y must be a vector", "[3, 2]"])
        expectRejected(ProblemSource(path: Fixtures.path("truncated.npy"), responsePath: Fixtures.path("y_f8.npy")),
                       ["truncated data", "expected 48 bytes", "found 43"])
        expectRejected(ProblemSource(path: Fixtures.path("garbage.npz")), ["garbage.npz", "not a ZIP archive"])
        expectRejected(ProblemSource(path: Fixtures.path("other_members.npz")), ["needs members X and y, or M and r", "A, b"])
        // A member beside the pair read is not ignored: it may be what the user meant.
        expectRejected(ProblemSource(path: Fixtures.path("xy_and_mr.npz")), ["xy_and_mr.npz", "member 'M' beside X and y"])
        expectRejected(ProblemSource(path: Fixtures.path("mr_weight_decay.npz"), weightDecay: .zero),
                       ["member 'weightDecay' beside M and r", "--weight-decay"])
        expectRejected(ProblemSource(path: Fixtures.path("y_f8.npy"), responsePath: Fixtures.path("y_f8.npy")),
                       ["X must be 2-dimensional"])
    }

    @Test func unreadableFiles() throws {
        expectRejected(ProblemSource(path: Fixtures.path("does-not-exist.json")), ["cannot read file"])
        expectRejected(ProblemSource(path: Fixtures.path("does-not-exist.npz")), ["cannot read file"])
        expectRejected(ProblemSource(path: Fixtures.path("does-not-exist.csv")), ["cannot read file"])
        let directory = scratchDirectory().appendingPathComponent("folder.json")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        expectRejected(ProblemSource(path: directory.path), ["cannot read file"])
        expectRejected(file: "p.csv", "\u{FF}\u{FE}", ["p.csv"])
        let notUTF8 = scratchDirectory().appendingPathComponent("latin1.csv")
        try Data([0x61, 0x2C, 0x79, 0x0A, 0xE9, 0x2C, 0x31, 0x0A]).write(to: notUTF8)
        expectRejected(ProblemSource(path: notUTF8.path), ["not valid UTF-8"])
    }

    @Test func unknownExtension() {
        expectRejected(file: "problem.xlsx", "whatever", ["unknown file type '.xlsx'", "expected .json, .csv, .npy or .npz"])
        expectRejected(file: "problem", "{}", ["problem: no file type (no extension); expected .json, .csv, .npy or .npz"])
        // Another separator is named; a response name that is ambiguous is refused.
        expectRejected(file: "semicolons.csv", "a;b;y\n1;2;3\n", ["its columns seem separated by semicolons; CSV columns are separated by commas"])
        expectRejected(file: "tabs.csv", "a\tb\ty\n1\t2\t3\n", ["its columns seem separated by tabs"])
        expectRejected(file: "twice.csv", "a,a,y\n1,2,3\n", response: "a", ["--response a: the header has several columns named 'a'"])
    }
}

/// "[[0, 1], [1, 0]]" → Matrix, for the test's own check of displayed witnesses.
private func parseMatrix(_ text: String) -> Matrix? {
    let rows = text.dropFirst(2).dropLast(2).components(separatedBy: "], [")
    return Matrix(rows.map { $0.split(separator: ",").map { q($0.replacingOccurrences(of: "\"", with: "")) } })
}

import JSONFormat
import SHA256Digest
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import DataFormats
import ProblemReading
import LimitVerdict

/// The certificate writer behind `dlnpath certify` (format: proofs/certificate-format.md).
///
/// It runs the real solvers — the exact lasso homotopy (`LassoPath`), the ε → 0 limit
/// (`DLNLimit`) and docs/math.md §4's comparison (`Verdict`) — and records their answers together with
/// every witness the independent checker (Sources/CertificateChecker) needs: segment signs, face
/// multipliers, uniqueness witnesses for the lasso and the saddles, the monotone break, the divergence intervals, gap maxima,
/// the downward variation and samples of the gap, z↓ and η. The checker re-verifies all of it
/// without any of this code.
public enum Certificate {
    /// How `certify` was invoked: the input's name and bytes, and the command-line options applied
    /// on top of the file (recorded so `check --input` can re-read the file the same way).
    public struct Input: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var variant: Variant?
        public var weightDecay: Rational?
        public var scaling: Scaling?
        public var responseColumn: String?
        /// A separate response file (`--y`): its name and bytes.
        public var response: (name: String, bytes: [UInt8])?
        /// The CSV files start with a pandas index column, dropped (`--index-column`).
        public var indexColumn: Bool

        public init(name: String, bytes: [UInt8], variant: Variant? = nil, weightDecay: Rational? = nil,
                    scaling: Scaling? = nil, responseColumn: String? = nil, response: (name: String, bytes: [UInt8])? = nil,
                    indexColumn: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.variant = variant
            self.weightDecay = weightDecay
            self.scaling = scaling
            self.responseColumn = responseColumn
            self.response = response
            self.indexColumn = indexColumn
        }

        /// The files of `source` and the options it applies on top of them.
        public init(reading source: ProblemSource) throws {
            self.init(name: source.path, bytes: try readFileBytes(atPath: source.path), variant: source.variant,
                      weightDecay: source.weightDecay, scaling: source.scaling, responseColumn: source.responseColumn,
                      response: try source.responsePath.map { (name: $0, bytes: try readFileBytes(atPath: $0)) },
                      indexColumn: source.indexColumn)
        }
    }

    /// The certificate of `problem`, read from a file with bytes `inputBytes` called `inputName`.
    public static func make(problem: Problem, inputBytes: [UInt8], inputName: String) throws -> JSONValue {
        try make(problem: problem, input: Input(name: inputName, bytes: inputBytes))
    }

    /// The certificate of `problem` made from `input`. Throws when a solver fails, or when the
    /// solvers disagree with each other in a way the certificate cannot represent.
    public static func make(problem: Problem, input: Input) throws -> JSONValue {
        let path = try LassoPath(problem: problem)
        let lasso = try LassoSection(path)
        let limit = try DLNLimit(problem: problem)
        let verdict = try Verdict(limit: limit, path: lasso.pathInTime)
        return .object(JSONObject([
            ("format", "dlnpath-certificate"),
            ("version", 2),
            ("input", inputSection(input)),
            ("problem", problemSection(problem)),
            ("lasso", lasso.json),
            ("limit", ["saddles": .array(try limit.saddles.map { try SaddleWitness(problem, $0).json })]),
            ("verdict", try VerdictSection(problem: problem, limit: limit, lasso: lasso, verdict: verdict).json),
        ]))
    }

    static func inputSection(_ input: Input) -> JSONValue {
        var o: [(String, JSONValue)] = [("file", .string(input.name)), ("sha256", .string(SHA256.hexDigest(input.bytes)))]
        if let v = input.variant { o.append(("variant", .string(v.rawValue))) }
        if let w = input.weightDecay { o.append(("weightDecay", .exact(w))) }
        if let s = input.scaling { o.append(("scaling", .string(s.rawValue))) }
        if let c = input.responseColumn { o.append(("responseColumn", .string(c))) }
        if input.indexColumn { o.append(("indexColumn", true)) }
        if let (name, bytes) = input.response {
            o.append(("responseFile", .string(name)))
            o.append(("responseSha256", .string(SHA256.hexDigest(bytes))))
        }
        return .object(JSONObject(o))
    }

    static func problemSection(_ problem: Problem) -> JSONValue {
        .object(JSONObject([
            ("variant", .string(problem.variant.rawValue)),
            ("weightDecay", .exact(problem.weightDecay)),
            ("M", .array(problem.M.rowArrays.map { .exact($0) })),
            ("r", .exact(problem.r)),
            ("positiveDefinite", .bool(problem.isPositiveDefinite)),
        ]))
    }
}

/// Why a certificate could not be written.
public struct CertificateError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension JSONValue {
    /// An exact number as the certificate writes it: the string "p/q" (or "p").
    static func exact(_ q: Rational) -> JSONValue { .string(q.description) }
    static func exact(_ v: [Rational]) -> JSONValue { .array(v.map(exact)) }
    static func exact(_ q: Rational?) -> JSONValue { q.map(exact) ?? .null }
}

import JSONFormat
import NumPyFormat
import ExactArithmetic
import Foundation

/// Writes a solver output in every format `SolverOutputReader` reads, with DataFormats' writers,
/// so outputs can be produced from Swift (and the readers tested by round trips).
///
/// Binary formats hold doubles: an exact value is rounded to the nearest double (so a round trip
/// is the identity exactly when every value is a double, as a float solver's are). Text formats
/// write exact "p/q" strings and "nan"/"inf", so their round trip is always the identity.
extension SolverOutput {
    /// The `.npz` that `np.savez(file, alphas=alphas, coefs=coefs)` writes: float64, coefs d × K.
    public func npzData() throws -> Data {
        let (alphas, coefs) = try arrays()
        return try NPZArchive.encoded([(name: "alphas", array: alphas), (name: "coefs", array: coefs)])
    }

    /// The two `.npy` files of `np.save("alphas.npy", alphas)` and `np.save("coefs.npy", coefs)`.
    public func npyPair() throws -> (alphas: Data, coefs: Data) {
        let (alphas, coefs) = try arrays()
        return (alphas.encoded(), coefs.encoded())
    }

    /// `{"alphas": […], "coefs": [[…], …]}` with coefs d × K (one column per λ).
    public var pathJSON: JSONValue {
        let d = dimension ?? 0
        return .object(JSONObject([
            ("alphas", .array(points.map { .string($0.lambda.text) })),
            ("coefs", .array((0..<d).map { i in .array(points.map { .string($0.x[i].text) }) })),
        ]))
    }

    /// `{"solutions": [{"lambda": …, "x": […]}, …]}`.
    public var solutionsJSON: JSONValue {
        .object(JSONObject([("solutions", .array(points.map { p in
            .object(JSONObject([("lambda", .string(p.lambda.text)), ("x", .array(p.x.map { .string($0.text) }))]))
        }))]))
    }

    /// CSV with a header: `lambda,x1,…,xd`, one row per λ.
    public var csv: String {
        let d = dimension ?? 0
        let header = (["lambda"] + (0..<d).map { "x\($0 + 1)" }).joined(separator: ",")
        let rows = points.map { p in ([p.lambda] + p.x).map(\.text).joined(separator: ",") }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    private func arrays() throws -> (alphas: NPYArray, coefs: NPYArray) {
        let d = dimension ?? 0
        let alphas = try NPYArray(float64: points.map(\.lambda.double), shape: [points.count])
        // d × K in C order: row i holds coordinate i at every λ.
        let coefs = try NPYArray(float64: (0..<d).flatMap { i in points.map { $0.x[i].double } }, shape: [d, points.count])
        return (alphas, coefs)
    }
}

extension SolverNumber {
    /// Exact text that the readers parse back to the same value.
    var text: String {
        switch self {
        case .exact(let q): return q.description
        case .nonFinite(let v): return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf")
        }
    }

    /// The nearest double.
    var double: Double {
        switch self {
        case .exact(let q): return q.doubleValue
        case .nonFinite(let v): return v
        }
    }
}

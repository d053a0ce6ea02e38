import NumPyFormat
import ExactArithmetic
import ProblemDefinition
import ExactLinearAlgebra
import Foundation

/// NumPy input: `X.npy` with `--y y.npy` (or CSV), or an `.npz` holding `X` and `y`, or `M`
/// and `r`. Each float becomes the exact rational it holds (a dyadic fraction).
extension ProblemReader {
    static func readNPY(_ source: ProblemSource) throws -> Problem {
        let file = source.path
        guard let responsePath = source.responsePath else {
            throw ProblemError("\(file): an .npy file holds X only; give y with --y FILE (or use an .npz with X and y)")
        }
        let X = try exactMatrix(try NPYArray.read(contentsOf: URL(fileURLWithPath: file)), name: "X", file: file)
        return try assemble(source, file: file, X: X, y: try readResponse(responsePath, limits: source.limits))
    }

    static func readNPZ(_ source: ProblemSource) throws -> Problem {
        let file = source.path
        let archive = try NPZArchive(contentsOf: URL(fileURLWithPath: file))
        // A member the problem would not use is refused, as an unknown JSON key is: it may hold
        // something the user meant (a weight decay, a second problem).
        for pair in [["X", "y"], ["M", "r"]] where Set(pair).isSubset(of: archive.keys) {
            if let extra = archive.keys.first(where: { !pair.contains($0) }) {
                throw ProblemError("\(file): member '\(extra)' beside \(pair[0]) and \(pair[1]): a problem .npz holds exactly X and y, or M and r (the variant and weight decay: --positive, --weight-decay)")
            }
        }
        // Only the members used are inflated.
        if archive.keys.contains("X") && archive.keys.contains("y") {
            let members = try archive.arrays(named: ["X", "y"])
            return try assemble(source, file: file, X: try exactMatrix(members["X"]!, name: "X", file: file),
                                y: try exactVector(members["y"]!, name: "y", file: file))
        }
        if archive.keys.contains("M") && archive.keys.contains("r") {
            let members = try archive.arrays(named: ["M", "r"])
            return try assemble(source, file: file, M: try exactMatrix(members["M"]!, name: "M", file: file),
                                r: try exactVector(members["r"]!, name: "r", file: file))
        }
        throw ProblemError("\(file): the archive needs members X and y, or M and r (it has: \(archive.keys.sorted().joined(separator: ", ")))")
    }

    static func exact(_ scalar: NPYScalar, at place: String, file: String) throws -> Rational {
        switch scalar {
        case .integer(let v): return Rational(Int(v))
        case .float(let v):
            guard let q = Rational(exactly: v) else { throw ProblemError("\(file): \(place) is \(v), which has no exact value") }
            return q
        }
    }

    static func exactMatrix(_ array: NPYArray, name: String, file: String) throws -> Matrix {
        guard array.shape.count == 2 else { throw ProblemError("\(file): \(name) must be 2-dimensional, but its shape is \(array.shape)") }
        let (n, d) = (array.shape[0], array.shape[1])
        guard n > 0, d > 0 else { throw ProblemError("\(file): \(name) is empty (shape \(array.shape))") }
        var m = Matrix(rows: n, columns: d)
        for i in 0..<n {
            for j in 0..<d { m[i, j] = try exact(array.elements[i * d + j], at: "\(name)[\(i + 1)][\(j + 1)]", file: file) }
        }
        return m
    }

    /// A vector read from an array of shape (n,), or (n, 1) or (1, n): numpy users often hold y as a
    /// column (`y.reshape(-1, 1)`), and its entries are the same.
    static func exactVector(_ array: NPYArray, name: String, file: String) throws -> [Rational] {
        guard array.shape.count == 1 || (array.shape.count == 2 && array.shape.contains(1)) else {
            throw ProblemError("\(file): \(name) must be a vector (shape (n,), (n, 1) or (1, n)), but its shape is \(array.shape)")
        }
        return try array.elements.enumerated().map { try exact($1, at: "\(name)[\($0 + 1)]", file: file) }
    }
}

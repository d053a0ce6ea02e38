import NumPyFormat
import Foundation

/// NumPy output: an `.npz` with `alphas` and `coefs`, or two `.npy` files. Each double becomes
/// the exact dyadic rational it holds; NaN and infinities are kept as such (the point fails).
extension SolverOutputReader {
    static let alphaNames = ["alphas", "alpha", "lambdas", "lambda"]
    static let coefNames = ["coefs", "coef", "coef_path", "x"]

    static func readNPZ(_ file: String, dimension d: Int) throws -> SolverOutput {
        let archive = try NPZArchive(contentsOf: URL(fileURLWithPath: file))
        let found = archive.keys.sorted().joined(separator: ", ")
        guard let alphaName = alphaNames.first(where: archive.keys.contains) else {
            throw SolverFileError("\(file): no member 'alphas' (the archive has: \(found)); save with np.savez(FILE, alphas=alphas, coefs=coefs)")
        }
        guard let coefName = coefNames.first(where: archive.keys.contains) else {
            throw SolverFileError("\(file): no member 'coefs' (the archive has: \(found)); save with np.savez(FILE, alphas=alphas, coefs=coefs)")
        }
        // Only the two members used are inflated.
        let members = try archive.arrays(named: [alphaName, coefName])
        let lambdas = try vector(members[alphaName]!, name: "member '\(alphaName)'", file: file)
        let points = try coefficients(members[coefName]!, lambdas: lambdas, name: "member '\(coefName)'", file: file, dimension: d)
        return SolverOutput(points: points, source: file)
    }

    static func readNPYPair(alphas: String, coefs: String, dimension d: Int) throws -> SolverOutput {
        let lambdas = try vector(try NPYArray.read(contentsOf: URL(fileURLWithPath: alphas)), name: "the alphas", file: alphas)
        let points = try coefficients(try NPYArray.read(contentsOf: URL(fileURLWithPath: coefs)), lambdas: lambdas,
                                      name: "the coefficients", file: coefs, dimension: d)
        return SolverOutput(points: points, source: "\(alphas) + \(coefs)")
    }

    static func scalar(_ s: NPYScalar) -> SolverNumber {
        switch s {
        case .integer(let v): return .exact(.init(Int(v)))
        case .float(let v): return SolverNumber(v)
        }
    }

    /// The alphas: 1-dimensional, or a 0-d scalar (one λ).
    static func vector(_ array: NPYArray, name: String, file: String) throws -> [SolverNumber] {
        guard array.shape.count <= 1 else {
            throw SolverFileError("\(file): \(name) must be 1-dimensional, but its shape is \(array.shape)")
        }
        return array.elements.map(scalar)
    }

    /// The coefficients: d × K or K × d, or 1-dimensional of length d when there is one λ.
    static func coefficients(
        _ array: NPYArray, lambdas: [SolverNumber], name: String, file: String, dimension d: Int
    ) throws -> [SolverOutput.Point] {
        let values = array.elements.map(scalar)
        switch array.shape.count {
        case 1:
            guard lambdas.count == 1, values.count == d else {
                throw SolverFileError("\(file): \(name) is 1-dimensional with \(values.count) entries; that fits one alpha and d = \(d), but there are \(lambdas.count) alphas and d = \(d)")
            }
            return [SolverOutput.Point(lambda: lambdas[0], x: values, place: "alpha 1")]
        case 2:
            let (rows, columns) = (array.shape[0], array.shape[1])
            let matrix = (0..<rows).map { i in Array(values[i * columns ..< (i + 1) * columns]) }
            guard rows > 0 else {
                throw SolverFileError("\(file): \(name) is empty (shape \(array.shape))")
            }
            return try pair(lambdas: lambdas, rows: matrix, dimension: d, file: file, matrix: name)
        default:
            throw SolverFileError("\(file): \(name) must be 2-dimensional (d × K), but its shape is \(array.shape)")
        }
    }
}

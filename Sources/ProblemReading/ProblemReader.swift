import DataFormats
import ExactArithmetic
import ProblemDefinition
import ExactLinearAlgebra
import Foundation

/// Reads a `Problem` from disk, choosing the format by file extension, and validates it.
/// Every failure is a `ProblemError` whose message starts with the file (and place) at fault.
public enum ProblemReader {
    public static func read(_ source: ProblemSource) throws -> Problem {
        let ext = URL(fileURLWithPath: source.path).pathExtension.lowercased()
        if source.responsePath != nil, ext == "json" || ext == "npz" {
            throw ProblemError("\(source.path): --y is for an X-only .csv or .npy file; a .\(ext) file carries y itself")
        }
        if source.responseColumn != nil, ext == "json" || ext == "npy" || ext == "npz" {
            throw ProblemError("\(source.path): --response names a column of a CSV file with a header; a .\(ext) file has none")
        }
        do {
            switch ext {
            case "json": return try readJSON(source)
            case "csv", "txt": return try readCSV(source)
            case "npy": return try readNPY(source)
            case "npz": return try readNPZ(source)
            default:
                let type = ext.isEmpty ? "no file type (no extension)" : "unknown file type '.\(ext)'"
                throw ProblemError("\(source.path): \(type); expected .json, .csv, .npy or .npz")
            }
        } catch let error as DataFormatError {
            throw ProblemError(error.file == nil ? "\(source.path): \(error)" : error.description)
        }
    }

    /// Builds the problem from raw pieces once a reader has them, applying the overrides.
    static func assemble(
        _ source: ProblemSource, file: String,
        X: Matrix? = nil, y: [Rational]? = nil, M: Matrix? = nil, r: [Rational]? = nil,
        variant: Variant = .signed, weightDecay: Rational = .zero, scaling: Scaling = .mean,
        initialisation: Initialisation? = nil
    ) throws -> Problem {
        let variant = source.variant ?? variant
        let weightDecay = source.weightDecay ?? weightDecay
        let scaling = source.scaling ?? scaling
        try checkCommonDenominator(file: file, limit: source.limits.maximumBits, weightDecay: weightDecay,
                                   X.map { ("X", $0) } ?? M.map { ("M", $0) }, y.map { ("y", $0) } ?? r.map { ("r", $0) })
        do {
            if let X, let y {
                return try Problem(X: X, y: y, scaling: scaling, variant: variant,
                                   weightDecay: weightDecay, initialisation: initialisation)
            }
            guard let M, let r else { throw ProblemError("give either X and y, or M and r") }
            if source.scaling != nil {
                throw ProblemError("--scaling says how M, r are formed from X, y; it does not apply to a problem given as M, r")
            }
            return try Problem(M: M, r: r, variant: variant, weightDecay: weightDecay, initialisation: initialisation)
        } catch let error as ProblemError {
            throw ProblemError("\(file): \(error.message)")
        }
    }

    /// The exact algorithms work on the problem brought to one common denominator; its size, not
    /// any single number's, drives their cost. Refuses the problem (naming the number at which
    /// the bound was crossed) when its integers would need more than `limit` bits.
    static func checkCommonDenominator(
        file: String, limit: Int, weightDecay: Rational, _ matrix: (String, Matrix)?, _ vector: (String, [Rational])?
    ) throws {
        var common = CommonDenominator()
        func include(_ q: Rational, _ place: @autoclosure () -> String) throws {
            common.include(q)
            guard common.bits > limit else { return }
            throw ProblemError(
                "\(file): \(place()) = \(NumberText.quote(q)): over one common denominator with the numbers before it, the problem's integers need \(NumberText.grouped(common.bits)) bits, beyond the limit of \(NumberText.grouped(limit)) (its fractions have too many different denominators)",
                exceeded: .bits)
        }
        if let (name, m) = matrix {
            for i in 0..<m.rows { for j in 0..<m.columns { try include(m[i, j], "\(name)[\(i + 1)][\(j + 1)]") } }
        }
        if let (name, v) = vector {
            for (i, q) in v.enumerated() { try include(q, "\(name)[\(i + 1)]") }
        }
        try include(weightDecay, "the weight decay")
    }

    /// Rows of parsed numbers into a matrix, rejecting ragged or empty input.
    static func matrix(_ rows: [[Rational]], name: String, file: String) throws -> Matrix {
        guard let width = rows.first?.count, width > 0 else { throw ProblemError("\(file): \(name) is empty") }
        if let i = rows.firstIndex(where: { $0.count != width }) {
            throw ProblemError("\(file): \(name) is ragged: row \(i + 1) has \(rows[i].count) entries, row 1 has \(width)")
        }
        return Matrix(rows)
    }
}

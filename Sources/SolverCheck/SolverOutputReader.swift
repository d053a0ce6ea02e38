import DataFormats
import ExactArithmetic
import Foundation

/// Reads a solver's output from disk, choosing the format by extension:
///
/// - `.npz` with members `alphas` and `coefs` (`np.savez("sol.npz", alphas=alphas, coefs=coefs)`
///   on the output of scikit-learn's `lars_path` or `lasso_path`);
/// - `.npy` holding the alphas, with the coefficients in a second `.npy` (`coefs`);
/// - `.json`: `{"alphas": […], "coefs": [[…], …]}` or `{"solutions": [{"lambda": …, "x": […]}, …]}`;
/// - `.csv`/`.txt`: one row per λ, `lambda, x_1, …, x_d`, with an optional header row.
///
/// The coefficient matrix is d × K as scikit-learn returns it (one column per alpha); K × d is
/// accepted when the shape says so unambiguously (K ≠ d). Every failure is a `SolverFileError`
/// naming the file and the member, row or column.
public enum SolverOutputReader {
    public static func read(
        _ path: String, coefs coefsPath: String? = nil, dimension d: Int, kind: SolverOutput.Kind = .points,
        indexColumn: Bool = false, limits: NumberLimits = .default
    ) throws -> SolverOutput {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if coefsPath != nil && ext != "npy" {
            throw SolverFileError("\(path): --coefs goes with an .npy file of alphas; a .\(ext) file carries the coefficients itself")
        }
        var output: SolverOutput
        do {
            switch ext {
            case "npz": output = try readNPZ(path, dimension: d)
            case "npy":
                guard let coefsPath else {
                    throw SolverFileError("\(path): an .npy file holds one array; give the alphas here and the coefficients with --coefs FILE.npy (or save both with np.savez)")
                }
                output = try readNPYPair(alphas: path, coefs: coefsPath, dimension: d)
            case "json": output = try readJSON(path, dimension: d, limits: limits)
            case "csv", "txt": output = try readCSV(path, dimension: d, indexColumn: indexColumn, limits: limits)
            default:
                throw SolverFileError("\(path): unknown solver output type '.\(ext)' (expected .npz, .npy, .json, .csv or .txt)")
            }
        } catch let error as DataFormatError {
            throw SolverFileError(error.file == nil ? "\(path): \(error)" : error.description)
        }
        guard !output.points.isEmpty else { throw SolverFileError("\(path): the solver output has no solutions") }
        output.kind = kind
        return output
    }

    /// Pairs K penalties with a coefficient matrix given as rows, orienting it (d × K as
    /// scikit-learn, or K × d when unambiguous). `where` names the matrix in messages.
    static func pair(
        lambdas: [SolverNumber], rows: [[SolverNumber]], dimension d: Int, file: String, matrix: String
    ) throws -> [SolverOutput.Point] {
        let k = lambdas.count
        if let i = rows.firstIndex(where: { $0.count != rows[0].count }) {
            throw SolverFileError("\(file): \(matrix) is ragged: row \(i + 1) has \(rows[i].count) entries, row 1 has \(rows[0].count)")
        }
        let shape = [rows.count, rows.first?.count ?? 0]
        if shape == [d, k] {
            return (0..<k).map { j in
                SolverOutput.Point(lambda: lambdas[j], x: rows.map { $0[j] }, place: "alpha \(j + 1) (column \(j + 1) of \(matrix))")
            }
        }
        if shape == [k, d] {
            return (0..<k).map { j in SolverOutput.Point(lambda: lambdas[j], x: rows[j], place: "alpha \(j + 1) (row \(j + 1) of \(matrix))") }
        }
        throw SolverFileError("\(file): \(matrix) has shape \(shape) but there are \(k) alphas and the problem has d = \(d) coordinates; expected [\(d), \(k)] (scikit-learn: one column per alpha)\(d == k ? "" : " or [\(k), \(d)]")")
    }

    /// A number written as text (JSON literal, string, CSV field): the exact fraction it spells
    /// ("0.1" is 1/10, "3/4" is 3/4); "nan", "inf", "-inf" (any case) are the non-finite values.
    /// A number beyond `limits` is refused with the option that raises the limit.
    static func number(_ text: String, at place: String, file: String, limits: NumberLimits) throws -> SolverNumber {
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nonFinite(.nan)
        case "inf", "+inf", "infinity", "+infinity": return .nonFinite(.infinity)
        case "-inf", "-infinity": return .nonFinite(-.infinity)
        default:
            do { return .exact(try Rational(parsing: text, limits: limits)) } catch let error as RationalParseError {
                throw SolverFileError("\(file): \(place): \(error)\(error.exceeded?.hint ?? "")")
            }
        }
    }
}

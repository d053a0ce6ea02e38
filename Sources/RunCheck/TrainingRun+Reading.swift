import CSVFormat
import DataFormats
import JSONFormat
import NumPyFormat
import Foundation
import NumericFlow

/// Reads a `TrainingRun` by extension: `.npz` (keys exactly `t`, `x` or `u`[, `v`], optional
/// scalar `epsilon`), an `.npy` of times with the values in `--x`/`--u`/`--v` `.npy` files,
/// `.json` (the same keys) or `.csv` (a header `t, x0, …, x{d−1}` or `t, u0, …, v0, …`; 0-based
/// column names). Every failure is `.badInput` naming the file, the key or column and the row.
public enum TrainingRunReader {
    /// - Parameters:
    ///   - positive: the network is x = u∘u (a run of factors holds `u` only).
    public static func read(_ path: String, x xPath: String? = nil, u uPath: String? = nil, v vPath: String? = nil,
                            dimension d: Int, positive: Bool) throws(RunCheckError) -> TrainingRun {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext != "npy", xPath != nil || uPath != nil || vPath != nil {
            throw .badInput("\(path): --x, --u and --v go with an .npy file of times; a .\(ext) file carries the values itself")
        }
        do {
            switch ext {
            case "npz": return try readNPZ(path, dimension: d, positive: positive)
            case "npy": return try readNPYFiles(times: path, x: xPath, u: uPath, v: vPath, dimension: d, positive: positive)
            case "json": return try readJSON(path, dimension: d, positive: positive)
            case "csv", "txt": return try readCSV(path, dimension: d, positive: positive)
            default:
                throw RunCheckError.badInput("\(path): unknown run file type '.\(ext)' (expected .npz, .npy, .json or .csv)")
            }
        } catch let error as RunCheckError {
            throw error
        } catch let error as DataFormatError {
            throw .badInput(error.file == nil ? "\(path): \(error)" : error.description)
        } catch {
            throw .badInput("\(path): \(error)")
        }
    }

    // MARK: Assembly shared by every format

    /// Named arrays as rows of Doubles, checked and combined into a run.
    struct Arrays {
        var t: [Double]
        var x: [[Double]]?
        var u: [[Double]]?
        var v: [[Double]]?
        var epsilon: FlowEpsilon?
    }

    static func assemble(_ a: Arrays, file: String, dimension d: Int, positive: Bool,
                         place: (Int) -> String) throws(RunCheckError) -> TrainingRun {
        let form: TrainingRun.Form
        let x: [[Double]]
        switch (a.x, a.u, a.v) {
        case let (x0?, nil, nil):
            form = .predictor
            x = x0
        case (_?, _, _):
            throw .badInput("\(file): give the predictor x or the factors u, v, not both")
        case let (nil, u?, v):
            if positive, v != nil { throw .badInput("\(file): the weight-tied network x = u∘u has no v; give u alone") }
            if !positive, v == nil { throw .badInput("\(file): the network x = u∘v needs both u and v (or x; use --positive for x = u∘u)") }
            try checkRows(u, key: "u", file: file, count: a.t.count, dimension: d, place: place)
            if let v { try checkRows(v, key: "v", file: file, count: a.t.count, dimension: d, place: place) }
            form = positive ? .factor : .factors
            x = TrainingRun.predictor(u: u, v: v)
        case (nil, nil, _?):
            throw .badInput("\(file): v without u; give x, or u and v")
        case (nil, nil, nil):
            throw .badInput("\(file): no values: expected x (T × d), or the factors u, v")
        }
        return try TrainingRun(file: file, times: a.t, x: x, form: form, epsilon: a.epsilon, dimension: d,
                               place: place, valueKey: form == .predictor ? "x" : "x = u∘\(positive ? "u" : "v")")
    }

    static func checkRows(_ rows: [[Double]], key: String, file: String, count: Int, dimension d: Int,
                          place: (Int) -> String) throws(RunCheckError) {
        guard rows.count == count else {
            throw .badInput("\(file): \(key) has \(rows.count) rows but t has \(count) samples")
        }
        for (k, row) in rows.enumerated() {
            guard row.count == d else {
                throw .badInput("\(file): \(key), \(place(k)): \(row.count) values but the problem has d = \(d) coordinates")
            }
            if let i = row.firstIndex(where: { !$0.isFinite }) {
                throw .badInput("\(file): \(key), \(place(k)), coordinate \(i) (0-based): \(row[i]) is not finite")
            }
        }
    }

    static func epsilon(_ value: Double, file: String, key: String) throws(RunCheckError) -> FlowEpsilon {
        guard value.isFinite, value > 0, value < 1 else {
            throw .badInput("\(file): \(key): the initialisation scale ε must lie in (0, 1), got \(value)")
        }
        do { return try FlowEpsilon(value) } catch { throw .badInput("\(file): \(key): \(error)") }
    }

    static func checkSize(_ samples: Int, _ d: Int, file: String) throws(RunCheckError) {
        guard samples.multipliedReportingOverflow(by: max(d, 1)).partialValue <= TrainingRun.maxValues,
              !samples.multipliedReportingOverflow(by: max(d, 1)).overflow else {
            throw .badInput("\(file): \(samples) samples × d = \(d) is more than the \(TrainingRun.maxValues) values a run may hold; subsample it")
        }
    }

    // MARK: NumPy

    static let npzKeys: Set<String> = ["t", "x", "u", "v", "epsilon"]

    static func readNPZ(_ path: String, dimension d: Int, positive: Bool) throws -> TrainingRun {
        // The directory first: unknown keys are refused before anything is inflated.
        let archive = try NPZArchive(contentsOf: URL(fileURLWithPath: path))
        if let extra = Set(archive.keys).subtracting(npzKeys).sorted().first {
            throw RunCheckError.badInput("\(path): unexpected key '\(extra)'; a run .npz holds exactly t, x (or u, v) and optionally a scalar epsilon")
        }
        let members = try archive.arrays(named: npzKeys)
        func member(_ key: String) -> NPYArray? { members[key] }
        guard let t = member("t") else { throw RunCheckError.badInput("\(path): no key 't' (the training times)") }
        var arrays = Arrays(t: try vector(t, key: "t", file: path))
        try checkSize(arrays.t.count, d, file: path)
        for key in ["x", "u", "v"] {
            guard let m = member(key) else { continue }
            let rows = try matrix(m, key: key, file: path, dimension: d)
            switch key {
            case "x": arrays.x = rows
            case "u": arrays.u = rows
            default: arrays.v = rows
            }
        }
        if let e = member("epsilon") {
            guard e.count == 1 else { throw RunCheckError.badInput("\(path): epsilon: expected a scalar, got shape \(e.shape)") }
            arrays.epsilon = try epsilon(double(e.elements[0]), file: path, key: "epsilon")
        }
        return try assemble(arrays, file: path, dimension: d, positive: positive) { "row \($0)" }
    }

    static func readNPYFiles(times: String, x: String?, u: String?, v: String?, dimension d: Int,
                             positive: Bool) throws -> TrainingRun {
        guard x != nil || u != nil else {
            throw RunCheckError.badInput("\(times): an .npy file holds one array; give the times here and the values with --x FILE.npy (or --u, --v), or save all with np.savez")
        }
        var arrays = Arrays(t: try vector(try NPYArray.read(contentsOf: URL(fileURLWithPath: times)), key: "t", file: times))
        try checkSize(arrays.t.count, d, file: times)
        if let x { arrays.x = try matrix(try NPYArray.read(contentsOf: URL(fileURLWithPath: x)), key: "x", file: x, dimension: d) }
        if let u { arrays.u = try matrix(try NPYArray.read(contentsOf: URL(fileURLWithPath: u)), key: "u", file: u, dimension: d) }
        if let v { arrays.v = try matrix(try NPYArray.read(contentsOf: URL(fileURLWithPath: v)), key: "v", file: v, dimension: d) }
        return try assemble(arrays, file: times, dimension: d, positive: positive) { "row \($0)" }
    }

    static func double(_ s: NPYScalar) -> Double {
        switch s {
        case .float(let x): return x
        case .integer(let n): return Double(n)
        }
    }

    static func vector(_ a: NPYArray, key: String, file: String) throws(RunCheckError) -> [Double] {
        guard a.shape.count == 1 || (a.shape.count == 2 && a.shape[1] == 1) else {
            throw .badInput("\(file): \(key): expected a vector of T times, got shape \(a.shape)")
        }
        return a.elements.map(double)
    }

    static func matrix(_ a: NPYArray, key: String, file: String, dimension d: Int) throws(RunCheckError) -> [[Double]] {
        if a.shape.count == 1, d == 1 { return a.elements.map { [double($0)] } }
        guard a.shape.count == 2, a.shape[1] == d else {
            throw .badInput("\(file): \(key): expected shape (T, \(d)) — one row per sample, d = \(d) coordinates — got \(a.shape)")
        }
        let values = a.elements.map(double)
        return (0..<a.shape[0]).map { Array(values[($0 * d)..<($0 * d + d)]) }
    }

    // MARK: JSON

    static func readJSON(_ path: String, dimension d: Int, positive: Bool) throws -> TrainingRun {
        let root = try JSONValue.read(contentsOf: URL(fileURLWithPath: path))
        guard let object = root.asObject else { throw RunCheckError.badInput("\(path): expected a JSON object with keys t, x (or u, v)") }
        for key in object.entries.map(\.key) where !npzKeys.contains(key) {
            throw RunCheckError.badInput("\(path): unexpected key '\(key)'; a run holds exactly t, x (or u, v) and optionally epsilon")
        }
        func number(_ v: JSONValue, _ place: String) throws -> Double {
            if let text = v.numberText ?? v.asString, let x = Double(text.lowercased() == "infinity" ? "inf" : text) { return x }
            throw RunCheckError.badInput("\(path): \(place): expected a number, got \(v.serialized(pretty: false).prefix(40))")
        }
        guard let tv = object["t"] else { throw RunCheckError.badInput("\(path): no key 't' (the training times)") }
        guard let ta = tv.asArray else { throw RunCheckError.badInput("\(path): t: expected an array of times") }
        var arrays = Arrays(t: try ta.enumerated().map { try number($1, "t, row \($0)") })
        try checkSize(arrays.t.count, d, file: path)
        for key in ["x", "u", "v"] {
            guard let value = object[key] else { continue }
            guard let rows = value.asArray else { throw RunCheckError.badInput("\(path): \(key): expected an array of rows") }
            let parsed: [[Double]] = try rows.enumerated().map { k, row in
                if d == 1, row.asArray == nil { return [try number(row, "\(key), row \(k)")] }
                guard let r = row.asArray else { throw RunCheckError.badInput("\(path): \(key), row \(k): expected an array of \(d) numbers") }
                return try r.enumerated().map { try number($1, "\(key), row \(k), coordinate \($0)") }
            }
            switch key {
            case "x": arrays.x = parsed
            case "u": arrays.u = parsed
            default: arrays.v = parsed
            }
        }
        if let e = object["epsilon"] { arrays.epsilon = try epsilon(try number(e, "epsilon"), file: path, key: "epsilon") }
        return try assemble(arrays, file: path, dimension: d, positive: positive) { "row \($0)" }
    }

    // MARK: CSV

    static func readCSV(_ path: String, dimension d: Int, positive: Bool) throws -> TrainingRun {
        let (header, body) = try CSVTable.read(contentsOf: URL(fileURLWithPath: path)).splittingHeader()
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let tColumn = names.firstIndex(of: "t") else {
            throw RunCheckError.badInput("\(path): line 1: the header needs a column 't' and columns x0…x\(d - 1) (or u0…, v0…)")
        }
        if let extra = names.first(where: { name in
            name != "t" && !["x", "u", "v"].contains(where: { p in name.hasPrefix(p) && Int(name.dropFirst()).map { (0..<d).contains($0) } == true })
        }) {
            throw RunCheckError.badInput("\(path): line 1: unexpected column '\(extra)'; expected t and x0…x\(d - 1) (or u0…u\(d - 1), v0…v\(d - 1))")
        }
        try checkSize(body.rows.count, d, file: path)
        func cell(_ k: Int, _ column: Int) throws -> Double {
            let text = body.rows[k][column].trimmingCharacters(in: .whitespaces)
            guard let value = Double(text) else {
                throw RunCheckError.badInput("\(path): line \(body.lineNumbers[k]), column '\(names[column])': '\(text.prefix(40))' is not a number")
            }
            return value
        }
        var arrays = Arrays(t: try body.rows.indices.map { try cell($0, tColumn) })
        for prefix in ["x", "u", "v"] {
            let columns = (0..<d).map { names.firstIndex(of: "\(prefix)\($0)") }
            if columns.allSatisfy({ $0 == nil }) { continue }
            if let missing = columns.firstIndex(where: { $0 == nil }) {
                throw RunCheckError.badInput("\(path): line 1: column '\(prefix)\(missing)' is missing (the problem has d = \(d) coordinates)")
            }
            let rows = try body.rows.indices.map { k in try columns.map { try cell(k, $0!) } }
            switch prefix {
            case "x": arrays.x = rows
            case "u": arrays.u = rows
            default: arrays.v = rows
            }
        }
        return try assemble(arrays, file: path, dimension: d, positive: positive) { "line \(body.lineNumbers[$0])" }
    }
}

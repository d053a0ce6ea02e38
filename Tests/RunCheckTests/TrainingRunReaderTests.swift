import NumPyFormat
import Foundation
import NumericFlow
import RunCheck
import Testing
import TestScratch

/// Run files: every format, and bad runs named by file, key and row.
@Suite("run files")
struct TrainingRunReaderTests {
    let dir: URL

    init() throws {
        dir = try TestScratch.directory("runcheck")
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func npz(_ name: String, _ arrays: [String: NPYArray]) throws -> String {
        try NPZArchive.write(arrays, to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func text(_ name: String, _ content: String) throws -> String {
        try content.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let error as RunCheckError { return error.message } catch { return "other: \(error)" }
        return "no error"
    }

    @Test(".npz with t, x and a scalar epsilon; with u, v (x = u∘v); with u alone (x = u∘u)")
    func npzForms() throws {
        let t = try NPYArray(float64: [0, 1, 2], shape: [3])
        let x = try NPYArray(float64: [0, 0, 1, 2, 3, 4], shape: [3, 2])
        let run = try TrainingRunReader.read(try npz("a.npz", ["t": t, "x": x, "epsilon": try NPYArray(float64: [1e-6], shape: [])]),
                                             dimension: 2, positive: false)
        #expect(run.x == [[0, 0], [1, 2], [3, 4]])
        #expect(run.epsilon?.label == "1e-6")
        let u = try NPYArray(float64: [1, 2, 3, 4, 5, 6], shape: [3, 2])
        let v = try NPYArray(float64: [2, 2, 2, 2, 0.5, 0.5], shape: [3, 2])
        let uv = try TrainingRunReader.read(try npz("b.npz", ["t": t, "u": u, "v": v]), dimension: 2, positive: false)
        #expect(uv.x == [[2, 4], [6, 8], [2.5, 3]])
        #expect(uv.form == .factors)
        let uu = try TrainingRunReader.read(try npz("c.npz", ["t": t, "u": u]), dimension: 2, positive: true)
        #expect(uu.x == [[1, 4], [9, 16], [25, 36]])
    }

    @Test("bad .npz runs name the file, the key and the row")
    func npzErrors() throws {
        let t = try NPYArray(float64: [0, 1, 1], shape: [3])
        let x = try NPYArray(float64: [0, 0, 1, 2, 3, 4], shape: [3, 2])
        let a = try npz("a.npz", ["t": t, "x": x])
        #expect(message { _ = try TrainingRunReader.read(a, dimension: 2, positive: false) } == "\(a): t, row 2: times must increase, but 1.0 follows 1.0")
        let b = try npz("b.npz", ["t": try NPYArray(float64: [0, 1, 2], shape: [3]), "x": x])
        #expect(message { _ = try TrainingRunReader.read(b, dimension: 3, positive: false) }.contains("\(b): x: expected shape (T, 3)"))
        let c = try npz("c.npz", ["t": try NPYArray(float64: [0, 1, 2], shape: [3]), "x": try NPYArray(float64: [0, 0, 1, .nan, 3, 4], shape: [3, 2])])
        #expect(message { _ = try TrainingRunReader.read(c, dimension: 2, positive: false) } == "\(c): x, row 1, coordinate 1 (0-based): nan is not finite")
        let d = try npz("d.npz", ["t": try NPYArray(float64: [0, 1, 2], shape: [3]), "x": x, "w": x])
        #expect(message { _ = try TrainingRunReader.read(d, dimension: 2, positive: false) }.contains("unexpected key 'w'"))
        let e = try npz("e.npz", ["t": try NPYArray(float64: [0, 1, 2], shape: [3]), "x": x, "epsilon": try NPYArray(float64: [2], shape: [])])
        #expect(message { _ = try TrainingRunReader.read(e, dimension: 2, positive: false) }.contains("epsilon: the initialisation scale ε must lie in (0, 1), got 2.0"))
        let f = try npz("f.npz", ["t": try NPYArray(float64: [0, -1, 2], shape: [3]), "x": x])
        #expect(message { _ = try TrainingRunReader.read(f, dimension: 2, positive: false) } == "\(f): t, row 1: time -1.0 is negative")
        let g = try npz("g.npz", ["t": try NPYArray(float64: [0, 1, 2], shape: [3]), "u": x])
        #expect(message { _ = try TrainingRunReader.read(g, dimension: 2, positive: false) }.contains("needs both u and v"))
    }

    @Test(".npy times with --x; JSON; CSV with 0-based column names")
    func otherFormats() throws {
        try NPYArray(float64: [0, 1], shape: [2]).write(to: URL(fileURLWithPath: path("t.npy")))
        try NPYArray(float64: [0, 0, 1, 2], shape: [2, 2]).write(to: URL(fileURLWithPath: path("x.npy")))
        let pair = try TrainingRunReader.read(path("t.npy"), x: path("x.npy"), dimension: 2, positive: false)
        #expect(pair.x == [[0, 0], [1, 2]])
        let json = try TrainingRunReader.read(try text("r.json", #"{"t": [0, 0.5], "x": [[0, 0], [1, "2"]], "epsilon": 1e-4}"#),
                                              dimension: 2, positive: false)
        #expect(json.x == [[0, 0], [1, 2]] && abs(json.epsilon!.logInverse - log(1e4)) < 1e-12)
        let csv = try TrainingRunReader.read(try text("r.csv", "t,x0,x1\n0,0,0\n0.5,1,2\n"), dimension: 2, positive: false)
        #expect(csv.times == [0, 0.5] && csv.x[1] == [1, 2])
        let bad = try text("bad.csv", "t,x0,x1\n0,0,0\n0.5,1,oops\n")
        #expect(message { _ = try TrainingRunReader.read(bad, dimension: 2, positive: false) } == "\(bad): line 3, column 'x1': 'oops' is not a number")
        let late = try text("late.csv", "t,x0,x1\n1,0,0\n0.5,1,2\n")
        #expect(message { _ = try TrainingRunReader.read(late, dimension: 2, positive: false) } == "\(late): t, line 3: times must increase, but 0.5 follows 1.0")
        let short = try text("short.json", #"{"t": [0, 1], "x": [[0, 0], [1]]}"#)
        #expect(message { _ = try TrainingRunReader.read(short, dimension: 2, positive: false) } == "\(short): x, row 1: 1 values but the problem has d = 2 coordinates")
    }
}

import Foundation
import FuzzSupport
import ProblemDefinition
import ProblemReading

/// The problem reader, end to end (format, exact numbers, input limits, validation: symmetry,
/// positive semidefiniteness, r ∈ range(M)). The first byte picks the format (JSON, CSV, NPZ);
/// the rest is the file. Any input either gives a problem or throws `ProblemError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProblem(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzDriver.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let ext = ["json", "csv", "npz"][Int(selector) % 3]
    let path = NSTemporaryDirectory() + "dlnpath-fuzz-problem-\(getpid()).\(ext)"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst())) else {
        fatalError("cannot write \(path)")
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        let problem = try ProblemReader.read(ProblemSource(path: path))
        FuzzDriver.require(problem.M.rows == problem.dimension && problem.r.count == problem.dimension, "sizes agree")
    } catch is ProblemError {
    } catch {
        fatalError("the reader threw something other than ProblemError: \(error)")
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzProblem) }
}

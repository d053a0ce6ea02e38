import CounterexampleSearch
import ExactArithmetic
import Foundation

func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("SearchTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

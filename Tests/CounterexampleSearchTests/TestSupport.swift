import CounterexampleSearch
import ExactArithmetic
import Foundation
import TestScratch

func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    try TestScratch.directory("SearchTests")
}

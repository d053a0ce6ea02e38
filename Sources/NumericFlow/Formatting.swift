import Foundation

/// `%.4g`: compact numbers for plain-words readings (Double is a C vararg on every platform).
func g4(_ x: Double) -> String { String(format: "%.4g", x) }

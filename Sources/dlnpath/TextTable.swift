import DataFormats
import ExactArithmetic
import PlainText

/// The library's table, for the command files that do not import DataFormats.
typealias TextTable = PlainText.TextTable

/// "p/q (≈ 0.123)" for tables: the exact value with a decimal approximation when it helps.
func exactAndApprox(_ q: Rational) -> String { NumberFormat(style: .exactWithDecimal)(q) }

/// A vector as "(a, b, c)" of exact values.
func vectorText(_ v: [Rational]) -> String { NumberFormat.exact.vector(v) }

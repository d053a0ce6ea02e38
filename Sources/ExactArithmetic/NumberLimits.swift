/// Bounds on the size of numbers read from text, checked before any big arithmetic is done, so
/// that a few bytes ("1e100000", a 100,000-digit integer) cannot make exact algorithms run for
/// hours. Every algorithm downstream is polynomial in the size these bound.
///
/// - `maximumDigits`: significant digits of one number: of a decimal's mantissa (leading zeros
///   not counted, trailing ones counted), or of a fraction's numerator and of its denominator.
/// - `maximumExponent`: |e| for the power of ten 10^e of a decimal's leading digit
///   ("1e-300" and "0.00123e-297" both have e = −300; "123.4" has e = 2).
/// - `maximumBits`: the size of the largest integer once a set of numbers (a whole problem) is
///   brought to one common denominator L: max(bits(L), max bits(|v|·L)). Decimals within the
///   first two limits never exceed the derived default; fractions with many different
///   denominators can, because L is then their product.
///
/// The defaults admit every finite double (as an exact decimal expansion, up to 767 significant
/// digits, exponents −324…308, or as an exact dyadic fraction) and every decimal of realistic length.
public struct NumberLimits: Sendable, Equatable {
    public var maximumDigits: Int
    public var maximumExponent: Int
    public var maximumBits: Int

    public static let defaultDigits = 1_000
    public static let defaultExponent = 1_000
    public static let `default` = NumberLimits()

    /// `maximumBits` nil: the least bound every set of decimals within the other two limits meets.
    public init(maximumDigits: Int = defaultDigits, maximumExponent: Int = defaultExponent, maximumBits: Int? = nil) {
        self.maximumDigits = maximumDigits
        self.maximumExponent = maximumExponent
        self.maximumBits = maximumBits ?? NumberLimits.bits(digits: maximumDigits, exponent: maximumExponent)
    }

    /// A decimal m·10^k with ≤ D significant digits and leading exponent in [−E, E] has a
    /// denominator dividing 10^(D+E−1) and |value| < 10^(E+1); over the common denominator L of
    /// any set of them, bits(|v|·L) ≤ log₂10·(D + 2E) + 2. (log₂10 < 3.3220.)
    static func bits(digits: Int, exponent: Int) -> Int {
        let (total, overflow) = digits.addingReportingOverflow(exponent.multipliedReportingOverflow(by: 2).partialValue)
        guard !overflow, total < Int.max / 33_220 else { return Int.max }
        return (total * 33_220 + 9_999) / 10_000 + 3
    }

    /// Which bound a number broke.
    public enum Bound: String, Sendable, Equatable {
        case digits, exponent, bits

        /// What an error message appends to name the option that raises this bound.
        public var hint: String { " (raise it with --max-\(rawValue))" }
    }
}

/// How messages show a number someone wrote: whole when short, otherwise its first digits and
/// how long it is, so that an error about a 100,000-digit number is one short line.
public enum NumberText {
    /// Longest text shown whole.
    public static let shownInFull = 40

    /// `"1111111111111111111…" (100,000 digits)`-style quote of the text of a number (or of any
    /// text: "characters" when it is not all number characters).
    public static func quote(_ text: some StringProtocol) -> String {
        guard text.count > shownInFull else { return String(text) }
        let numeric = text.unicodeScalars.allSatisfy { "0123456789+-./eE".unicodeScalars.contains($0) }
        let digits = text.utf8.filter { $0 >= 48 && $0 <= 57 }.count
        let length = numeric ? "\(grouped(digits)) digits" : "\(grouped(text.count)) characters"
        return "\(text.prefix(20))… (\(length))"
    }

    /// `message` with every long number in it (a run of digits, possibly "p/q") quoted as
    /// `quote` does; for error types to apply to messages built from exact values.
    public static func abbreviatingNumbers(in message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i].value >= 48 && scalars[i].value <= 57 }
        guard scalars.count > shownInFull else { return message }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard isDigit(i) else { out.append(scalars[i]); i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            if j < scalars.count, scalars[j] == "/", isDigit(j + 1) { j += 1; while isDigit(j) { j += 1 } }
            let run = String(String.UnicodeScalarView(scalars[i..<j]))
            out.append(contentsOf: (run.count > shownInFull ? quote(run) : run).unicodeScalars)
            i = j
        }
        return String(out)
    }

    /// An error message as one human line: its lines joined by spaces (blanks around each
    /// dropped), long numbers abbreviated as `abbreviatingNumbers` does.
    public static func oneLine(_ message: String) -> String {
        abbreviatingNumbers(in: message.split(whereSeparator: \.isNewline).map(trimmingBlanks).joined(separator: " "))
    }

    /// `text` without the blanks (tabs and Unicode spaces) at either end.
    static func trimmingBlanks(_ text: Substring) -> String {
        func blank(_ c: Character) -> Bool {
            c.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// A rational quoted the same way (`description` form, "p/q").
    public static func quote(_ value: Rational) -> String { quote(value.description) }

    /// 100000 → "100,000".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

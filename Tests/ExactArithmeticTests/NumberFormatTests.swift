import ExactArithmetic
import PlainText
import Testing

/// How reports show exact values: short fractions as themselves, long ones rounded.
@Suite struct NumberFormatTests {
    /// A report as printed: the note in parentheses as its second line, long numbers rounded
    /// (not in a measured report, whose own note replaces it), lines wrapped to the layout.
    @Test func pageInsertsTheNoteAndRoundsLongNumbers() {
        let long = "1234567890/9876543211"
        let f = NumberFormat.readable
        #expect(f.page("path of a.json\nκ = \(long)") == "path of a.json\n(\(f.note))\nκ = 0.125")
        #expect(f.page("one line") == "one line\n(\(f.note))")
        #expect(f.page("") == "\n(\(f.note))")
        #expect(f.page("flow\nx = \(long)", measured: "measured") == "flow\n(measured)\nx = \(long)")
        #expect(NumberFormat.exact.page("t\n\(long)") == "t\n(all values computed exactly and shown in full)\n\(long)")
        let narrow = NumberFormat(layout: TextLayout(maxWidth: 80)), page = narrow.page("title\nshort")
        #expect(page == TextLayout(maxWidth: 80).wrap(f.page("title\nshort")))
        #expect(page.split(separator: "\n").count > 3 && page.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// 123456787/987654321 has 19 characters (short); 1234567890/9876543211 has 21.
    @Test func shortFractionsPrintAsThemselves() throws {
        let f = NumberFormat.readable
        #expect(f(Rational(-3, 4)) == "-3/4")
        #expect(f(try Rational(parsing: "123456787/987654321")) == "123456787/987654321")
        // 1234567890/9876543211 = 0.124999998848… (Python decimal): 6 digits, half to even from the exact value.
        #expect(f(try Rational(parsing: "1234567890/9876543211")) == "0.125")
        #expect(NumberFormat(digits: 12)(try Rational(parsing: "1234567890/9876543211")) == "0.124999998848")
        #expect(NumberFormat.exact(try Rational(parsing: "1234567890/9876543211")) == "1234567890/9876543211")
        #expect(f(Rational(BigInteger.power(base: 10, exponent: 30))) == "1e+30")
    }

    @Test func vectorsAndEquations() {
        let f = NumberFormat.readable
        let short = [Rational(1, 2), .zero, Rational(-2)]
        #expect(f.vector(short) == "(1/2, 0, -2)")
        #expect(f.equation("x", short) == "x = (1/2, 0, -2)")
        var long = [Rational](repeating: .zero, count: 8)
        long[2] = Rational(1, 3)
        long[7] = Rational(-5)
        #expect(f.sparse(long) == "x3 = 1/3, x8 = -5")
        #expect(f.equation("x°", long) == "x°3 = 1/3, x°8 = -5")
        #expect(f.equation("x", [Rational](repeating: .zero, count: 8)) == "x = 0")
        #expect(f.orInfinity(nil) == "∞")
    }

    @Test func numbersInsideSentences() {
        let f = NumberFormat.readable
        let long = "21308626891630935561315168224534288/105965692212574065168102123245164019"
        #expect(f.readable("μ ∈ (\(long), 1/2], coordinate 48") == "μ ∈ (0.20109, 1/2], coordinate 48")
        #expect(f.readable("s = -\(long).") == "s = -0.20109.")
        // Digits glued to a name are not numbers; exact style changes nothing.
        #expect(f.readable("x_123456789012345678901234 = 1") == "x_123456789012345678901234 = 1")
        #expect(NumberFormat.exact.readable("s = \(long)") == "s = \(long)")
    }

    /// Long lists in bounded text show their first 12 items and a count (a d = 300 verdict named
    /// 279 coordinates); --all shows every one.
    @Test func longListsAreCut() {
        let bounded = NumberFormat(exact: false, all: false, digits: 6), all = NumberFormat(exact: false, all: true, digits: 6)
        let names = (1...20).map(String.init)
        #expect(bounded.list(names, count: 20) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 8 more")
        #expect(all.list(names, count: 20) == names.joined(separator: ", "))
        #expect(bounded.list(names.prefix(12), count: 12) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12")
        let v = (1...20).map { Rational($0 <= 14 ? $0 : 0) }
        #expect(bounded.sparse(v) == (1...12).map { "x\($0) = \($0)" }.joined(separator: ", ") + " and 2 more")
        #expect(all.sparse(v) == (1...14).map { "x\($0) = \($0)" }.joined(separator: ", "))
    }
}

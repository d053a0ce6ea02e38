import ExactArithmetic
import Testing

/// Values a person types into options (`--at`, `--digits`) and the one line an error becomes.
@Suite struct OptionValueTests {
    func refusal(_ tokens: [String], minimum: Rational = .zero, strict: Bool = false) -> String? {
        do { _ = try RationalList.parse(tokens, option: "--at", quantity: "s", minimum: minimum, strict: strict); return nil } catch {
            return error.description
        }
    }

    @Test func listsSplitOnCommasAndArguments() throws {
        #expect(RationalList.pieces(" 1/2 ,\t2,,3\u{00A0}") == ["1/2", "2", "", "3"])
        #expect(try RationalList.parse(["1/10, 2", "3.5e-1"], option: "--at", quantity: "κ") == [Rational(1, 10), Rational(2), Rational(7, 20)])
        #expect(try RationalList.parse([], option: "--at", quantity: "κ") == [])
        #expect(try RationalList.parse(["0"], option: "--at", quantity: "κ") == [.zero])
    }

    @Test func valuesOutOfRangeAndNonNumbersNameTheOption() {
        #expect(refusal(["1", "-2"]) == "--at: s = -2 is negative; it must be ≥ 0")
        #expect(refusal(["0"], strict: true) == "--at: s = 0 is out of range; it must be > 0")
        #expect(refusal(["1/2"], minimum: Rational(1)) == "--at: s = 1/2 is out of range; it must be ≥ 1")
        #expect(refusal(["1,,2"]) == "--at: '' is not a number: it is empty")
        #expect(refusal(["1, abc"]) == "--at: 'abc' is not a number: expected digits")
        // Beyond the limits of the options' numbers, the message says which, not "not a number".
        #expect(refusal(["1e999999"]) == "--at: '1e999999': its decimal exponent is 999999, beyond the limit of ±1,000")
        // A huge value is quoted by its first digits and its length.
        #expect(refusal(["-" + String(repeating: "7", count: 100)]) == "--at: s = -7777777777777777777… (100 digits) is negative; it must be ≥ 0")
    }

    @Test func errorMessagesBecomeOneLine() {
        #expect(NumberText.oneLine("first line  \n\t second\r\nthird") == "first line second third")
        let long = String(repeating: "12", count: 30)
        #expect(NumberText.oneLine("x = \(long)\n") == "x = 12121212121212121212… (60 digits)")
    }

    @Test func formatsFromTheTextOptions() {
        let summary = NumberFormat(exact: false, all: false, digits: 6)
        #expect(summary.style == .readable && summary.layout == NumberFormat.summaryLayout)
        #expect(summary.layout.maxWidth == 160 && summary.layout.maxRows == 40)
        // Any option lifts the width bound; --all lifts the row bound too; --exact prints fractions in full.
        let digits = NumberFormat(exact: false, all: false, digits: 9)
        #expect(digits.digits == 9 && digits.layout.maxWidth == nil && digits.layout.maxRows == 40)
        #expect(NumberFormat(exact: true, all: false, digits: 6).style == .exact)
        #expect(NumberFormat(exact: false, all: true, digits: 6).layout == .unbounded)
    }
}

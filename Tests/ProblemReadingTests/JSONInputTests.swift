import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

@Suite("JSON input")
struct JSONInputTests {
    @Test func dataFileGivesMeanScaledQuadratic() throws {
        let p = try read(Fixtures.path("xy.json"))
        #expect(p.M == tinyMeanM)
        #expect(p.r == tinyMeanR)
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
        #expect(p.variant == .signed)
        #expect(p.weightDecay == .zero)
        #expect(p.initialisation == .signed(beta: [1, 1], gamma: [0, 0]))
        #expect(p.isPositiveDefinite)
    }

    /// JSON literals are read from their text, strings in every exact form: nothing goes through Double.
    @Test func numbersAsLiteralsAndStrings() throws {
        let p = try read(Fixtures.path("numbers.json"))
        let tiny = Rational(BigInteger(1), BigInteger.power(base: 10, exponent: 300))
        #expect(p.M[0, 0] == Rational(25_000_000_000))          // "2.5E+10"
        #expect(p.M[0, 1] == Rational(-3, 4) && p.M[1, 0] == Rational(-3, 4)) // "-3/4"
        #expect(p.M[1, 1] == Rational(3, 2))                    // literal 1.5
        #expect(p.M[2, 2] == tiny)                              // "1e-300"
        #expect(p.r[0] == Rational(1, 10))                      // "0.1": 1/10, not the double
        #expect(p.r[1] == Rational(-1, 8))                      // literal -0.125
        #expect(p.r[2] == tiny)                                 // literal 1e-300 (underflows no double here)
        #expect(p.weightDecay == Rational(1, 2))                // ".5"
        #expect(p.data == nil)
        #expect(p.definiteness == .positiveDefinite)
    }

    @Test func positiveOptions() throws {
        let p = try read(Fixtures.path("options_positive.json"))
        #expect(p.variant == .positive)
        #expect(p.weightDecay == Rational(1, 4))
        #expect(p.initialisation == .positive(alpha: [1, Rational(-1, 2)]))
        // "sum": M = XᵀX, r = Xᵀy.
        #expect(p.M == matrix([["2", "1"], ["1", "5"]]))
        #expect(p.r == vector(["4", "7"]))
        #expect(p.data?.scaling == .sum)
    }

    @Test func signedOptions() throws {
        let p = try read(Fixtures.path("options_signed.json"))
        #expect(p.variant == .signed)
        #expect(p.weightDecay == Rational(1, 10))
        #expect(p.initialisation == .signed(beta: [1, Rational(1, 2)], gamma: [0, Rational(-1, 4)]))
        #expect(p.M == matrix([["1", "0"], ["0", "4"]]))
        #expect(p.r == vector(["-2", "4/3"]))
    }

    /// The command line's overrides win over the file.
    @Test func overrides() throws {
        let p = try read(Fixtures.path("xy.json"), variant: .positive, weightDecay: Rational(3, 7), scaling: .sum)
        #expect(p.variant == .positive)
        #expect(p.initialisation == .positive(alpha: [1, 1]))
        #expect(p.weightDecay == Rational(3, 7))
        #expect(p.M == matrix([["2", "1"], ["1", "5"]]))
        let back = try read(Fixtures.path("options_positive.json"), weightDecay: .zero, scaling: .mean)
        #expect(back.weightDecay == .zero)
        #expect(back.M == tinyMeanM)
    }
}

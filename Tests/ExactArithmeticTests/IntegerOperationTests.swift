import Testing
import ExactArithmetic

@Suite("Rounding, powers, gcd")
struct IntegerOperationTests {
    @Test("floor and ceiling", arguments: [
        (Rational(7, 2), 3, 4),
        (Rational(-7, 2), -4, -3),
        (Rational(-6, 2), -3, -3),
        (Rational(-1, 3), -1, 0),
        (Rational(1, 3), 0, 1),
        (Rational.zero, 0, 0),
        (Rational(-Int(Int64.max), 2), -(Int(Int64.max) / 2) - 1, -(Int(Int64.max) / 2)),
    ])
    func floorCeiling(q: Rational, floor: Int, ceiling: Int) {
        #expect(q.floor == BigInteger(floor))
        #expect(q.ceiling == BigInteger(ceiling))
    }

    @Test func floorCeilingOnBigValues() {
        let q = Rational(-(pow2(100) + 1), BigInteger(2))      // -(2^99 + 1/2)
        #expect(q.floor == -pow2(99) - 1 && q.ceiling == -pow2(99))
        let r = Rational(pow2(100) + 1, pow2(64))
        #expect(r.floor == pow2(36) && r.ceiling == pow2(36) + 1)
        #expect(Rational(-pow2(100)).floor == -pow2(100) && Rational(-pow2(100)).ceiling == -pow2(100))
    }

    /// In-place gcd and exact division give the values of `gcd` and `dividedExactly`, and never
    /// change another value that shares the storage (copy-on-write).
    @Test func inPlaceGCDAndExactDivision() {
        let a = pow2(130) * BigInteger(45), b = -(pow2(70) * BigInteger(105))
        var g = a
        g.formGCD(with: b) // shared with a: a new storage
        #expect(g == pow2(70) * BigInteger(15) && a == pow2(130) * BigInteger(45))
        g.formGCD(with: BigInteger(-36)) // unique now: in place
        #expect(g == BigInteger(12))
        var zero = BigInteger(0)
        zero.formGCD(with: BigInteger(-7))
        #expect(zero == BigInteger(7))
        var q = b
        q.divideExactly(by: pow2(70)) // shared with b
        #expect(q == BigInteger(-105) && b == -(pow2(70) * BigInteger(105)))
        q.divideExactly(by: BigInteger(-15)) // in place
        #expect(q == BigInteger(7))
        var big = a * a
        big.divideExactly(by: a)
        #expect(big == a)
    }

    @Test func powers() {
        #expect(Rational(2, 3).power(3) == Rational(8, 27))
        #expect(Rational(-2, 3).power(-3) == Rational(-27, 8))
        #expect(Rational(-2, 3).power(-2) == Rational(9, 4))
        #expect(Rational(5, 7).power(0) == 1)
        #expect(Rational(2).power(-64) == Rational(BigInteger(1), pow2(64)))
        #expect(Rational(2).power(62).isSmall && !Rational(2).power(63).isSmall)
        #expect(Rational(pow2(100)).power(-1).reciprocal == Rational(pow2(100)))
    }

    @Test func twoAdicValuation() {
        #expect(BigInteger(1).trailingZeroBitCount == 0 && BigInteger(-12).trailingZeroBitCount == 2)
        #expect(BigInteger(3).shiftedLeft(200).trailingZeroBitCount == 200)
        #expect((BigInteger(1).shiftedLeft(90) + BigInteger(1).shiftedLeft(70)).trailingZeroBitCount == 70)
    }

    @Test func divisibility() {
        #expect(BigInteger(12).isMultiple(of: 4) && BigInteger(-12).isMultiple(of: 4) && BigInteger(12).isMultiple(of: -3))
        #expect(!BigInteger(12).isMultiple(of: 5) && !BigInteger(1).isMultiple(of: 2))
        #expect(BigInteger(0).isMultiple(of: 7) && BigInteger(0).isMultiple(of: 0) && !BigInteger(5).isMultiple(of: 0))
        let big = BigInteger(3).shiftedLeft(200) + BigInteger(3) // 3·(2²⁰⁰ + 1)
        #expect(big.isMultiple(of: 3) && big.isMultiple(of: BigInteger(1).shiftedLeft(200) + BigInteger(1)) && !big.isMultiple(of: 2))
    }

    @Test func gcdAndLcm() {
        #expect(BigInteger.gcd(12, -18) == 6)
        #expect(BigInteger.gcd(-12, -18) == 6)
        #expect(BigInteger.gcd(0, -5) == 5)
        #expect(BigInteger.gcd(0, 0) == 0)
        #expect(BigInteger.lcm(4, -6) == 12)
        #expect(BigInteger.lcm(0, 6) == 0)
        #expect(BigInteger.gcd(pow2(100) * 3, pow2(90) * 9) == pow2(90) * 3)
        #expect(BigInteger.lcm(pow2(100) * 3, pow2(90) * 9) == pow2(100) * 9)
    }

    @Test func bigIntegerBasics() {
        #expect(BigInteger(decimalDigits: "-00123") == BigInteger(-123))
        #expect(BigInteger(decimalDigits: "1 2") == nil && BigInteger(decimalDigits: "") == nil && BigInteger(decimalDigits: "-") == nil)
        #expect(BigInteger(-7).quotientAndRemainder(dividingBy: 2) == (quotient: -3, remainder: -1))
        #expect(BigInteger(-7).floorDivided(by: 2) == (quotient: -4, remainder: 1))
        #expect(BigInteger(Int.min).intValue == Int.min && (BigInteger(Int.min) - 1).intValue == nil)
        #expect(pow2(100).bitWidth == 101 && BigInteger(0).bitWidth == 0)
        var x = pow2(70)
        let y = x
        x.addProduct(3, 4)
        #expect(x == pow2(70) + 12 && y == pow2(70))          // copy-on-write
        x.subtractProduct(3, 4)
        #expect(x == y)
    }
}

import ExactArithmetic
import ProblemDefinition
import Testing

/// `ProblemError.withLimitHint`: a number beyond an input limit names the option that raises it;
/// any other error is unchanged.
@Suite struct LimitHintTests {
    @Test(arguments: [(NumberLimits.Bound.digits, "digits"), (.exponent, "exponent"), (.bits, "bits")])
    func hintNamesTheOption(bound: NumberLimits.Bound, option: String) {
        let error = ProblemError("row 2, column 'b': 1e1001 is too large", exceeded: bound)
        #expect(error.withLimitHint == ProblemError("row 2, column 'b': 1e1001 is too large (raise it with --max-\(option))", exceeded: bound))
        #expect(error.withLimitHint.message.hasSuffix("(raise it with --max-\(option))"))
    }

    @Test func otherErrorsAreUnchanged() {
        let error = ProblemError("the problem is empty: r has no entries")
        #expect(error.withLimitHint == error)
        #expect(error.withLimitHint.message == "the problem is empty: r has no entries")
    }
}

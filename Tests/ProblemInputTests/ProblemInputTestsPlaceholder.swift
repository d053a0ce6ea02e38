import Testing

// Placeholder until this module's tests land.
@Test func placeholder_ProblemInputTests() {}

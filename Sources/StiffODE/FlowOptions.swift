/// Which linearly implicit method integrates the flow (see `RosenbrockTableau`).
public enum RosenbrockMethod: String, Sendable, Codable, CaseIterable {
    /// 6 stages, order 4 (embedded 3), L-stable, stiffly accurate (Hairer–Wanner RODAS).
    case rodas4
    /// 4 stages with 3 new evaluations, order 3 (embedded 2), L-stable, stiffly accurate
    /// (Sandu et al. 1997): cheaper steps but many more of them. Measured on the d = 50
    /// benchmark it is slower than RODAS4 at every accuracy from 1e-6 to 1e-12, so it is only an
    /// independent cross-check (a second tableau through the same code).
    case rodas3
}

/// Tolerances and limits for the stiff integrator.
public struct FlowOptions: Sendable, Codable {
    /// Relative tolerance on the integrated state (q and W; see `ZFlowField`).
    public var relativeTolerance: Double
    /// Absolute tolerance on the integrated state.
    public var absoluteTolerance: Double
    /// Give up after this many attempted steps.
    public var maxSteps: Int
    /// First trial step in rescaled time; `nil` = `1e-4 · sMax` (the controller adapts at once).
    public var initialStep: Double?
    public var method: RosenbrockMethod

    public init(relativeTolerance: Double = 1e-7, absoluteTolerance: Double = 1e-9,
                maxSteps: Int = 2_000_000, initialStep: Double? = nil, method: RosenbrockMethod = .rodas4) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maxSteps = maxSteps
        self.initialStep = initialStep
        self.method = method
    }
}

/// Work done by one integration.
public struct IntegrationStatistics: Sendable, Codable, Equatable {
    public var method: RosenbrockMethod = .rodas4
    public var acceptedSteps = 0
    public var rejectedSteps = 0
    public var functionEvaluations = 0
    public var jacobianEvaluations = 0
    public var decompositions = 0
}

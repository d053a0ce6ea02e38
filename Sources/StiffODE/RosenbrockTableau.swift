/// Coefficients of a Rosenbrock method in the form of Hairer & Wanner (*Solving ODEs II*,
/// §IV.7, eq. 7.4'): with `E = I/(hγ) − J`,
///
///     E k_i = f(s + α_i h, y + Σ_{j<i} a_ij k_j) + Σ_{j<i} (C_ij/h) k_j + h d_i ∂f/∂s,
///     y₁ = y + Σ m_i k_i,   error estimate Σ e_i k_i.
///
/// Why Rosenbrock methods: the Z-ODE (docs/math.md §2) has long plateaus where active coordinates sit at
/// a saddle with relaxation rates up to `L·x·‖M‖` (hundreds to thousands at ε = 1e-300) —
/// stiff — separated by jumps where a coordinate grows like `exp(L·c·s)`. An explicit method
/// would be step-limited by stability on the plateaus; implicit Runge–Kutta or BDF methods need
/// Newton iterations. A Rosenbrock method is linearly implicit: one factorisation of E per step
/// with the analytic Jacobian, a fixed number of solves, no iterations, and it restarts at no
/// cost after a rejected step — convenient at the abrupt jumps. Both methods below are L-stable
/// (plateau transients are damped in one large step) and stiffly accurate (y₁ is the last stage
/// point plus the last increment, so the error estimate is that increment).
struct RosenbrockTableau: Sendable {
    let stages: Int
    let gamma: Double
    /// `a[i]`, `C[i]`: coefficients of k_0 … k_{i−1} for stage i.
    let a: [[Double]]
    let C: [[Double]]
    let alpha: [Double]
    let d: [Double]
    let m: [Double]
    let e: [Double]
    /// Controller exponent `1/(q+1)`, q = order of the embedded solution.
    let errorExponent: Double

    /// RODAS (Hairer & Wanner's code, §VI.4): order 4(3), 6 stages.
    static let rodas4: RosenbrockTableau = {
        let a51 = 1.221224509226641, a52 = 6.019134481288629, a53 = 12.53708332932087
        let a54 = -0.6878860361058950
        return RosenbrockTableau(
            stages: 6, gamma: 0.25,
            a: [[], [1.544], [0.9466785280815826, 0.2557011698983284],
                [3.314825187068521, 2.896124015972201, 0.9986419139977817],
                [a51, a52, a53, a54], [a51, a52, a53, a54, 1]],
            C: [[], [-5.6688], [-2.430093356833875, -0.2063599157091915],
                [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
                [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160],
                [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054]],
            alpha: [0, 0.386, 0.21, 0.63, 1, 1],
            d: [0.25, -0.1043, 0.1035, -0.0362, 0, 0],
            m: [a51, a52, a53, a54, 1, 1],
            e: [0, 0, 0, 0, 0, 1],
            errorExponent: 0.25)
    }()

    /// RODAS3 (Sandu et al., *Atmos. Environ.* 31, 1997; as in KPP): order 3(2), 4 stages; stage 2
    /// is evaluated at the step's start point, so a step costs 3 new evaluations and 4 solves.
    static let rodas3 = RosenbrockTableau(
        stages: 4, gamma: 0.5,
        a: [[], [0], [2, 0], [2, 0, 1]],
        C: [[], [4], [1, -1], [1, -1, -8.0 / 3]],
        alpha: [0, 0, 1, 1],
        d: [0.5, 1.5, 0, 0],
        m: [2, 0, 1, 1],
        e: [0, 0, 0, 1],
        errorExponent: 1.0 / 3)

    static func of(_ method: RosenbrockMethod) -> RosenbrockTableau {
        switch method {
        case .rodas4: return rodas4
        case .rodas3: return rodas3
        }
    }

    /// Stage i is evaluated at the step's start (all a_ij = 0 and α_i = 0): reuse f(s, y).
    func reusesStart(_ i: Int) -> Bool { alpha[i] == 0 && a[i].allSatisfy { $0 == 0 } }
}

/// Certificates written by hand, independently of every solver, so the checker is tested against
/// mathematics rather than against the code it checks.
enum HandCertificates {
    /// docs/math.md §4's worked example: M = [[10, −4], [−4, 2]], r = (−3, 2), signed, λwd = 0.
    ///
    /// Lasso path (docs/math.md §1), with M⁻¹ = [[1/2, 1], [1, 5/2]]:
    /// - κ ≥ 3 = |r_1|: x = 0; coordinate 1 enters with sign −1 (c_1 = −3).
    /// - κ ∈ [4/3, 3], A = {1}, s = (−1): x_1 = (r_1 + κ)/10 = (κ − 3)/10; then
    ///   c_2 = 2 + 4x_1 = (2κ + 4)/5 reaches κ at κ = 4/3, where x = (−1/6, 0).
    /// - κ ∈ [1, 4/3], A = {1, 2}, s = (−1, 1): x = M⁻¹(r − κs) = (1/2 − κ/2, 2 − 3κ/2);
    ///   x_1 reaches 0 at κ = 1, where x = (0, 1/2).
    /// - κ ∈ [1/3, 1], A = {2}: x_2 = (2 − κ)/2; c_1 = −3 + 4x_2 = 1 − 2κ reaches +κ at
    ///   κ = 1/3 (x_1 re-enters with the opposite sign), where x = (0, 5/6).
    /// - κ ∈ [0, 1/3], A = {1, 2}, s = (1, 1): x = (1/2 − 3κ/2, 2 − 7κ/2); x(0) = (1/2, 2).
    /// μ-slopes (the intercepts, λwd = 0): (−3/10, 0), (1/2, 2), (0, 1), (1/2, 2). On segment 2
    /// x_1 < 0 but its slope is 1/2 > 0: the first break, μ ∈ (3/4, 1).
    ///
    /// Limit (docs/math.md §3): from q = 0 with c = r, q_1 = −3s reaches −1 first, at s = 1/3
    /// (q = (−1, 2/3)); face {1} with x_1 ≤ 0 gives x = (−3/10, 0), c = (0, 4/5). q_2 reaches 1
    /// after 5/12 more: s = 3/4, q = (−1, 1); on the face x_1 ≤ 0 ≤ x_2 the free minimiser
    /// (1/2, 2) is infeasible, x = (0, 1) with c = (1, 0) is optimal (multiplier of 1:
    /// −σ_1 c_1 = 1 ≥ 0). q_1 = −1 + (s − 3/4) reaches +1 at s = 11/4; face signs (1, 1) admit
    /// (1/2, 2), where c = 0: final.
    ///
    /// Divergence: Z(s) = s·x(1/s) on [0, 3/4]; at s = 1 Z = (−1/8, 1/4) but s·x(1) = (0, 1/2)
    /// (both coordinates leave the path at 3/4);
    /// at s = 3 both are (0, 5/2) and after it both equal (s/2 − 3/2, 2s − 7/2). So [3/4, 3].
    /// Gaps: at s = 1 (κ = 1), x̄ = (−1/8, 1/4) has objective −15/64 against −16/64: 1/64; at
    /// s = 2 (κ = 1/2), x̄ = (−1/16, 5/8) gives −135/256 against −144/256: 9/256 (issue 4).
    /// Gap maxima, with u = 1/s (no coordinate changes sign inside a piece):
    /// - [3/4, 1]: x̄ = (−u/8, 1 − 3u/4), lasso (1/2 − u/2, 2 − 3u/2): gap = (1/2 − 3u/8)², u ∈ [1, 4/3],
    ///   largest at u = 1: 1/64 at s = 1.
    /// - [1, 11/4]: lasso (0, 1 − u/2): gap = u(8 − 7u)/64, u ∈ [4/11, 1], concave with vertex
    ///   u = 4/7: 1/28 at s = 7/4 — also the maximum over the divergence interval [3/4, 3].
    /// - [11/4, 3]: x̄ = (1/2 − 3u/2, 2 − 7u/2) against (0, 1 − u/2): gap = (3u − 1)(u + 1)/4,
    ///   u ∈ [1/3, 4/11], increasing in u: 15/484 at s = 11/4.
    /// M is positive definite, so every lasso solution and face minimiser is unique (no witnesses).
    /// z↓: only segment 2 (μ ∈ (3/4, 1)) has a wrong-signed slope, a_1 = 1/2 against x_1 < 0, so
    /// z↓ = (1/2)·[(μ − 3/4) + (μ² − 9/16)/2] there and z↓ = (1/2)(1/4 + 7/32) = 15/64 from μ = 1 on.
    /// η(s) = √15/(8s) + 15/(64s²) for s ≥ 1; the enclosures are ⌊√(15·4¹²⁰)⌋ and one more over
    /// 2¹²⁰ in place of √15 (computed with Python's math.isqrt).
    static let berthier = """
    {
      "format": "dlnpath-certificate",
      "version": 2,
      "input": {"file": "examples/berthier-example.json", "sha256": "9f70db8626319fc51e124ab61af178bf72d65bd5378ae5b1edfb4be3dae00f99"},
      "problem": {"variant": "signed", "weightDecay": "0", "M": [["10", "-4"], ["-4", "2"]], "r": ["-3", "2"], "positiveDefinite": true},
      "lasso": {
        "knots": [
          {"lambda": "3", "x": ["0", "0"], "unique": true},
          {"lambda": "4/3", "x": ["-1/6", "0"], "unique": true},
          {"lambda": "1", "x": ["0", "1/2"], "unique": true},
          {"lambda": "1/3", "x": ["0", "5/6"], "unique": true},
          {"lambda": "0", "x": ["1/2", "2"], "unique": true}
        ],
        "segments": [
          {"signs": [-1, 0], "unique": true}, {"signs": [-1, 1], "unique": true},
          {"signs": [0, 1], "unique": true}, {"signs": [1, 1], "unique": true}
        ],
        "unique": true
      },
      "limit": {
        "saddles": [
          {"s": "0", "x": ["0", "0"], "q": ["0", "0"], "multipliers": ["0", "0"], "unique": true},
          {"s": "1/3", "x": ["-3/10", "0"], "q": ["-1", "2/3"], "multipliers": ["0", "0"], "unique": true},
          {"s": "3/4", "x": ["0", "1"], "q": ["-1", "1"], "multipliers": ["1", "0"], "unique": true},
          {"s": "11/4", "x": ["1/2", "2"], "q": ["1", "1"], "multipliers": ["0", "0"], "unique": true}
        ]
      },
      "verdict": {
        "monotone": false,
        "monotoneBreak": {"segment": 1, "coordinate": 0, "muFrom": "3/4", "muTo": "1", "slope": "1/2"},
        "equivalent": false,
        "divergence": [{"from": "3/4", "to": "3", "coordinates": [0, 1], "gapMaximum": "1/28", "gapMaximiser": "7/4"}],
        "jumpTimesEqualInverseKnots": false,
        "saddlesEqualSlopes": false,
        "gapMaxima": [
          {"from": "3/4", "to": "1", "maximum": "1/64", "maximiser": "1"},
          {"from": "1", "to": "11/4", "maximum": "1/28", "maximiser": "7/4"},
          {"from": "11/4", "to": "3", "maximum": "15/484", "maximiser": "11/4"}
        ],
        "downwardVariation": {
          "total": "15/64",
          "pieces": [
            {"from": "0", "to": "3/4", "rate": "0", "valueAtFrom": "0", "coordinates": []},
            {"from": "3/4", "to": "1", "rate": "1/2", "valueAtFrom": "0", "coordinates": [0]},
            {"from": "1", "to": null, "rate": "0", "valueAtFrom": "15/64", "coordinates": []}
          ]
        },
        "samples": [
          {"s": "1", "gap": "1/64", "zDown": "15/64", "eta": {
            "lower": "7640380383084358966040920610899743007/10633823966279326983230456482242756608",
            "upper": "238761886971386217688778769090616969/332306998946228968225951765070086144"}},
          {"s": "2", "gap": "9/256", "zDown": "15/64", "eta": {
            "lower": "6394229137036000335193601491886919967/21267647932558653966460912964485513216",
            "upper": "199819660532375010474800046621466249/664613997892457936451903530140172288"}}
        ]
      }
    }
    """

    /// A positive (x = u∘u) problem with weight decay: M = [[1]], r = (2), λwd = 1/2.
    ///
    /// Nonnegative lasso: x(κ) = 2 − κ for κ ≤ 2, so knots (2, 0) and (0, 2), sign 1.
    /// μ-slope: x = 2 − κ, α = 2, β = −1, a = α + λwd·β = 3/2 ≥ 0: monotone; segment 1 covers
    /// μ ∈ (1/(2 − 1/2), ∞) = (2/3, ∞).
    /// Limit: q = 2s reaches the bound 1 + s/2 at s = 2/3 (q = 4/3); the face problem
    /// min ½x² − 2x + x/2 over x ≥ 0 gives x = 3/2 with c = 1/2 = λwd (multiplier 0): final.
    /// The jump time 2/3 = 1/(2 − 1/2) and the saddle 3/2 = a: the limit is the lasso path,
    /// e.g. at s = 1: Z/s = (1/3)(3/2) = 1/2 = x(λwd + 1) = x(3/2); gap 0. Monotone: z↓ ≡ 0, η = 0.
    static let positiveWithDecayFile = #"{"M": [[1]], "r": [2], "nonnegative": true, "weightDecay": "1/2"}"# + "\n"
    static let positiveWithDecay = """
    {
      "format": "dlnpath-certificate",
      "version": 2,
      "input": {"file": "positive.json", "sha256": "09e13dfc4b87a7dac15c7df4b6cb82641af77f4736b37399403bd0b0fe640d8f"},
      "problem": {"variant": "positive", "weightDecay": "1/2", "M": [["1"]], "r": ["2"], "positiveDefinite": true},
      "lasso": {
        "knots": [{"lambda": "2", "x": ["0"], "unique": true}, {"lambda": "0", "x": ["2"], "unique": true}],
        "segments": [{"signs": [1], "unique": true}],
        "unique": true
      },
      "limit": {
        "saddles": [
          {"s": "0", "x": ["0"], "q": ["0"], "multipliers": ["0"], "unique": true},
          {"s": "2/3", "x": ["3/2"], "q": ["4/3"], "multipliers": ["0"], "unique": true}
        ]
      },
      "verdict": {
        "monotone": true,
        "monotoneBreak": null,
        "equivalent": true,
        "divergence": [],
        "jumpTimesEqualInverseKnots": true,
        "saddlesEqualSlopes": true,
        "gapMaxima": [],
        "downwardVariation": {"total": "0", "pieces": [{"from": "0", "to": null, "rate": "0", "valueAtFrom": "0", "coordinates": []}]},
        "samples": [{"s": "1", "gap": "0", "zDown": "0", "eta": {"lower": "0", "upper": "0"}}]
      }
    }
    """

    /// Duplicate columns (singular M): M = [[1, 1], [1, 1]], r = (1, 1), signed, λwd = 0.
    ///
    /// Lasso: every x ≥ 0 with x_1 + x_2 = 1 − κ solves it (c = (κ, κ)); the least-norm member
    /// ((1 − κ)/2, (1 − κ)/2) is piecewise linear with knots (1, 0) and (0, (1/2, 1/2)).
    /// Uniqueness (proofs/lasso-uniqueness.md), with null(M) = span(1, −1): at κ = 1, E = {1, 2}
    /// with signs (1, 1) and both at 0, so h = t(1, −1) must have t ≥ 0 and −t ≥ 0: unique, and
    /// the weights (1, 1) are > 0 and pair to 1 − 1 = 0 with (1, −1). Inside the segment both
    /// coordinates are positive and (1, −1) moves x; at κ = 0 every null vector does: not unique.
    /// Limit: q = s·(1, 1) reaches the box in both coordinates at s = 1; the face problem
    /// min ½(x_1 + x_2)² − (x_1 + x_2) over x ≥ 0 has the minimisers x_1 + x_2 = 1, so the
    /// saddle (1/2, 1/2) is not unique: the direction (1, −1) keeps Mx. c = 0 there: final.
    /// μ-slope (1/2, 1/2) = the saddle, jump time 1 = 1/κ_0: the paths agree, D ≡ 0, the gap is 0
    /// and, monotone, z↓ ≡ 0 and η = 0.
    static let duplicateColumnsFile = #"{"M": [[1, 1], [1, 1]], "r": [1, 1]}"# + "\n"
    static let duplicateColumns = """
    {
      "format": "dlnpath-certificate",
      "version": 2,
      "input": {"file": "duplicate.json", "sha256": "72fcffc7d1ddd83968d12e57e98c0fc62d28237b62895e423b1bb74ceed340cd"},
      "problem": {"variant": "signed", "weightDecay": "0", "M": [["1", "1"], ["1", "1"]], "r": ["1", "1"], "positiveDefinite": false},
      "lasso": {
        "knots": [
          {"lambda": "1", "x": ["0", "0"], "unique": true, "weights": ["1", "1"]},
          {"lambda": "0", "x": ["1/2", "1/2"], "unique": false, "direction": ["1", "-1"]}
        ],
        "segments": [{"signs": [1, 1], "unique": false, "direction": ["1", "-1"]}],
        "unique": false
      },
      "limit": {
        "saddles": [
          {"s": "0", "x": ["0", "0"], "q": ["0", "0"], "multipliers": ["0", "0"], "unique": true},
          {"s": "1", "x": ["1/2", "1/2"], "q": ["1", "1"], "multipliers": ["0", "0"], "unique": false, "direction": ["1", "-1"]}
        ]
      },
      "verdict": {
        "monotone": true,
        "monotoneBreak": null,
        "equivalent": true,
        "divergence": [],
        "jumpTimesEqualInverseKnots": true,
        "saddlesEqualSlopes": true,
        "gapMaxima": [],
        "downwardVariation": {"total": "0", "pieces": [{"from": "0", "to": null, "rate": "0", "valueAtFrom": "0", "coordinates": []}]},
        "samples": [{"s": "2", "gap": "0", "zDown": "0", "eta": {"lower": "0", "upper": "0"}}]
      }
    }
    """

    /// A positive (x = u∘u) problem with singular M whose lasso solution is unique for every κ:
    /// X = [[1, 1, 0], [0, 1, 1]] (column 2 = column 1 + column 3), y = (0, 2), so
    /// M = XᵀX = [[1, 1, 0], [1, 2, 1], [0, 1, 1]], r = Xᵀy = (0, 2, 2), null(M) = span(1, −1, 1).
    ///
    /// Lasso: κ_max = 2 with c_2 = c_3 = 2 (a tie). The direction at the knot minimises
    /// ½vᵀM_EE v − v_2 − v_3 over v ≥ 0, M_EE = [[2, 1], [1, 1]]: v = M_EE⁻¹(1, 1) = (0, 1), so
    /// x(κ) = (0, 0, 2 − κ) with c = (0, κ, κ): coordinate 2 rests on the bound at 0 all the way
    /// down to κ = 0, where x = (0, 0, 2) and c = 0.
    /// Uniqueness: at κ = 2 and inside the segment E = {2, 3} and M_EE is nonsingular (det 1). At
    /// κ = 0, E = {1, 2, 3} with x_1 = x_2 = 0 held at 0 by x ≥ 0; every h = t(1, −1, 1) needs t ≥ 0
    /// and −t ≥ 0: unique, with weights (1, 1, 0) (> 0 on {1, 2}, pairing 1 − 1 = 0).
    /// Limit: q = s·r reaches 1 in coordinates 2 and 3 at s = 1/2; on the face x_2, x_3 ≥ 0 the
    /// free minimiser M_EE⁻¹(2, 2) = (0, 2) is feasible: x = (0, 0, 2), c = 0, multipliers 0, final.
    /// T′ = {2, 3} with M_T′T′ nonsingular: unique. Jump time 1/2 = 1/κ_max, saddle = μ-slope
    /// (0, 0, 2): the paths agree, gap 0, monotone, z↓ ≡ 0, η = 0.
    static let positiveSingularUniqueFile = #"{"M": [[1, 1, 0], [1, 2, 1], [0, 1, 1]], "r": [0, 2, 2], "nonnegative": true}"# + "\n"
    static let positiveSingularUnique = """
    {
      "format": "dlnpath-certificate",
      "version": 2,
      "input": {"file": "positive-singular.json", "sha256": "866156902b19405305f2608525420b398a3db1889ca46ae0d4ea5a8eaa567c15"},
      "problem": {
        "variant": "positive", "weightDecay": "0", "M": [["1", "1", "0"], ["1", "2", "1"], ["0", "1", "1"]],
        "r": ["0", "2", "2"], "positiveDefinite": false
      },
      "lasso": {
        "knots": [
          {"lambda": "2", "x": ["0", "0", "0"], "unique": true},
          {"lambda": "0", "x": ["0", "0", "2"], "unique": true, "weights": ["1", "1", "0"]}
        ],
        "segments": [{"signs": [0, 0, 1], "unique": true}],
        "unique": true
      },
      "limit": {
        "saddles": [
          {"s": "0", "x": ["0", "0", "0"], "q": ["0", "0", "0"], "multipliers": ["0", "0", "0"], "unique": true},
          {"s": "1/2", "x": ["0", "0", "2"], "q": ["0", "1", "1"], "multipliers": ["0", "0", "0"], "unique": true}
        ]
      },
      "verdict": {
        "monotone": true,
        "monotoneBreak": null,
        "equivalent": true,
        "divergence": [],
        "jumpTimesEqualInverseKnots": true,
        "saddlesEqualSlopes": true,
        "gapMaxima": [],
        "downwardVariation": {"total": "0", "pieces": [{"from": "0", "to": null, "rate": "0", "valueAtFrom": "0", "coordinates": []}]},
        "samples": [{"s": "1", "gap": "0", "zDown": "0", "eta": {"lower": "0", "upper": "0"}}]
      }
    }
    """
}

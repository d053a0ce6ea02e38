/// Dense output: piecewise cubic Hermite interpolation through the accepted step points.
///
/// Each step stores `y` and `f(s, y) = y'`, so the interpolant is C¹ with local error
/// `O(h⁴)`, matching the order-3 error control of the integrator; no extra stage is needed.
struct HermiteDense: Sendable {
    let n: Int
    private(set) var times: [Double] = []
    private(set) var states: [Double] = []
    private(set) var slopes: [Double] = []

    init(dimension: Int) { n = dimension }

    mutating func append(_ s: Double, _ y: UnsafePointer<Double>, _ f: UnsafePointer<Double>) {
        times.append(s)
        states.append(contentsOf: UnsafeBufferPointer(start: y, count: n))
        slopes.append(contentsOf: UnsafeBufferPointer(start: f, count: n))
    }

    var first: Double { times.first ?? 0 }
    var last: Double { times.last ?? 0 }

    /// Index k with `times[k] ≤ s ≤ times[k+1]` (clamped to the covered range).
    func interval(containing s: Double) -> Int {
        var lo = 0, hi = times.count - 1
        if s <= times[0] { return 0 }
        if s >= times[hi] { return max(0, hi - 1) }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if times[mid] <= s { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// Interpolated state components `range` at s (s is clamped to the integrated range).
    func value(at s: Double, components range: Range<Int>) -> [Double] {
        if times.count == 1 { return Array(states[range]) }
        let k = interval(containing: s)
        let s0 = times[k], s1 = times[k + 1], h = s1 - s0
        let t = min(1, max(0, (s - s0) / h))
        let t2 = t * t, t3 = t2 * t
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t
        let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        let a = k * n, b = (k + 1) * n
        return range.map { i in
            h00 * states[a + i] + h10 * h * slopes[a + i] + h01 * states[b + i] + h11 * h * slopes[b + i]
        }
    }
}

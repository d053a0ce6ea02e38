/// Dense output: piecewise cubic Hermite interpolation through the accepted step points.
///
/// Each step stores `y` and `f(s, y) = y'`, so the interpolant is C¹ with local error
/// `O(h⁴)`, matching the order-3 error control of the integrator; no extra stage is needed.
///
/// Storage: blocks of `blockSteps` step points, each `(y, f)` interleaved per step and reserved
/// in full when the block starts, so that recording never copies earlier steps (a single growing
/// array would be reallocated and copied about log₂(steps) times).
package struct HermiteDense: Sendable {
    package let n: Int
    package private(set) var times: [Double] = []
    /// Block b holds steps `b·blockSteps …`; step k's y at offset `(k mod blockSteps)·2n`, f after it.
    private var blocks: [[Double]] = []
    static let blockSteps = 512

    package init(dimension: Int) { n = dimension }

    package mutating func append(_ s: Double, _ y: UnsafePointer<Double>, _ f: UnsafePointer<Double>) {
        if times.count % Self.blockSteps == 0 {
            var block: [Double] = []
            block.reserveCapacity(Self.blockSteps * 2 * n)
            blocks.append(block)
        }
        times.append(s)
        let last = blocks.count - 1
        blocks[last].append(contentsOf: UnsafeBufferPointer(start: y, count: n))
        blocks[last].append(contentsOf: UnsafeBufferPointer(start: f, count: n))
    }

    /// Component i of y (`slope` false) or f at step k.
    @inline(__always)
    private func stored(_ k: Int, _ i: Int, slope: Bool) -> Double {
        blocks[k / Self.blockSteps][(k % Self.blockSteps) * 2 * n + (slope ? n : 0) + i]
    }

    package var first: Double { times.first ?? 0 }
    package var last: Double { times.last ?? 0 }

    /// Index k with `times[k] ≤ s ≤ times[k+1]` (clamped to the covered range).
    package func interval(containing s: Double) -> Int {
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
    package func value(at s: Double, components range: Range<Int>) -> [Double] {
        if times.count == 1 { return range.map { stored(0, $0, slope: false) } }
        let k = interval(containing: s)
        let s0 = times[k], s1 = times[k + 1], h = s1 - s0
        let t = min(1, max(0, (s - s0) / h))
        let t2 = t * t, t3 = t2 * t
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t
        let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        return range.map { i in
            h00 * stored(k, i, slope: false) + h10 * h * stored(k, i, slope: true)
                + h01 * stored(k + 1, i, slope: false) + h11 * h * stored(k + 1, i, slope: true)
        }
    }
}

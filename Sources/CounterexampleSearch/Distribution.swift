import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// Where random instances come from: data (X, y) of size n × d with i.i.d. entries, signed or
/// positive lasso (the problem is `M = XᵀX/n, r = Xᵀy/n`, docs/math.md §0).
public struct Distribution: Equatable, Sendable, CustomStringConvertible {
    public enum Entries: Equatable, Sendable {
        /// Uniform integers in the range.
        case integers(ClosedRange<Int>)
        /// Standard normal, rounded to `digits` significant decimal digits.
        case gaussian(digits: Int)
    }

    public var entries: Entries
    /// n (rows of X) and d (columns).
    public var samples: Int
    public var features: Int
    public var variant: Variant

    public init(entries: Entries, samples: Int, features: Int, variant: Variant = .signed) {
        self.entries = entries
        self.samples = samples
        self.features = features
        self.variant = variant
    }

    /// `--distribution gaussian:6` (`entries(parsing:)`) with the size and variant.
    public init(parsing entries: String, samples: Int, features: Int, positive: Bool) throws {
        self.init(entries: try Self.entries(parsing: entries), samples: samples, features: features, variant: positive ? .positive : .signed)
    }

    /// Berthier's experiment (paper, §5): d = 4, n = 3, Gaussian X and y rounded to 6 digits.
    public static let paper = Distribution(entries: .gaussian(digits: 6), samples: 3, features: 4)

    /// Instance `index` of the stream `seed`: depends on (seed, index) only (`SplitMix64`).
    /// X is drawn row by row, then y.
    public func draw(seed: UInt64, index: Int) -> SearchInstance {
        var rng = SplitMix64(seed: seed, index: UInt64(index))
        var rows: [[Rational]] = []
        for _ in 0..<samples { rows.append((0..<features).map { _ in entry(&rng) }) }
        let y = (0..<samples).map { _ in entry(&rng) }
        return SearchInstance(index: index, X: rows, y: y, variant: variant)
    }

    private func entry(_ rng: inout SplitMix64) -> Rational {
        switch entries {
        case .integers(let range): return Rational(rng.nextInt(in: range))
        case .gaussian(let digits): return Gaussian.rounded(Gaussian.next(&rng), digits: digits)
        }
    }

    /// "gaussian:6", "integers:-3:3".
    public var entriesSpec: String {
        switch entries {
        case .integers(let r): return "integers:\(r.lowerBound):\(r.upperBound)"
        case .gaussian(let digits): return "gaussian:\(digits)"
        }
    }

    public var description: String {
        "\(entriesSpec), n = \(samples), d = \(features), \(variant.rawValue)"
    }

    /// Parses `gaussian`, `gaussian:K` (K significant digits, default 6), `integers:LO:HI`
    /// (default −3:3).
    public static func entries(parsing text: String) throws -> Entries {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "gaussian":
            guard parts.count <= 2 else { break }
            let digits = parts.count == 2 ? Int(parts[1]) : 6
            guard let digits, (1...17).contains(digits) else {
                throw SearchError("gaussian:K needs 1 ≤ K ≤ 17 significant digits, got '\(parts[1])'")
            }
            return .gaussian(digits: digits)
        case "integers":
            if parts.count == 1 { return .integers(-3...3) }
            guard parts.count == 3, let lo = Int(parts[1]), let hi = Int(parts[2]), lo <= hi,
                  lo.magnitude < 1 << 31, hi.magnitude < 1 << 31 else {
                throw SearchError("integers:LO:HI needs integers LO ≤ HI below 2³¹ in size, got '\(text)'")
            }
            return .integers(lo...hi)
        default: break
        }
        throw SearchError("unknown distribution '\(text)' (expected gaussian, gaussian:K or integers:LO:HI)")
    }
}

/// An error in the search's options or output, in plain words.
public struct SearchError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

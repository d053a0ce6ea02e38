/// An sRGB colour.
public struct RGBColor: Sendable, Equatable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red; self.green = green; self.blue = blue
    }

    /// From `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// `#rrggbb`.
    public var svg: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 15)]) }.joined()
    }

    public static let black = RGBColor(hex: 0x000000)
    public static let gray = RGBColor(hex: 0x777777)
    public static let lightGray = RGBColor(hex: 0xdddddd)

    /// Colour-blind-safe qualitative colours: Okabe & Ito (2008) without yellow, then Paul Tol's
    /// "muted" scheme; 15 hues, distinguishable under the common colour-vision deficiencies.
    public static let palette: [RGBColor] = [
        0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9, 0x000000,
        0x332288, 0x88ccee, 0x44aa99, 0x117733, 0x999933, 0xcc6677, 0x882255, 0xaa4499,
    ].map { RGBColor(hex: $0) }

    /// `palette[i mod count]`.
    public static func cycle(_ i: Int) -> RGBColor { palette[((i % palette.count) + palette.count) % palette.count] }
}

/// Stroke dash patterns.
public enum DashStyle: String, Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// `stroke-dasharray` in user units for stroke width `w` (nil for solid).
    func dashArray(width w: Double) -> String? {
        let u = max(w, 1)
        switch self {
        case .solid: return nil
        case .dashed: return "\(SVGNumber.coordinate(6 * u)) \(SVGNumber.coordinate(4 * u))"
        case .dotted: return "\(SVGNumber.coordinate(0.1)) \(SVGNumber.coordinate(3 * u))"
        case .dashDot: return "\(SVGNumber.coordinate(7 * u)) \(SVGNumber.coordinate(3 * u)) \(SVGNumber.coordinate(0.1)) \(SVGNumber.coordinate(3 * u))"
        }
    }
}

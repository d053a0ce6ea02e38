/// One element of an NPY array, as stored: no conversion beyond exact widening.
///
/// `float` holds the binary value bit-for-bit (float32 is widened to Double,
/// which is exact); NaN and infinities pass through, so exact consumers must
/// reject them. `integer` holds every supported integer and bool dtype.
public enum NPYScalar: Equatable, Hashable, Sendable {
    case float(Double)
    case integer(Int64)
}

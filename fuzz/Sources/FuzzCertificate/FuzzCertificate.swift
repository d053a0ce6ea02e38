import CertificateChecker
import FuzzSupport

/// The certificate parser: any text either gives a `ParsedCertificate` or throws
/// `MalformedCertificate` (typed throws: nothing else can escape).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCertificate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    if let certificate = try? CertificateParser.parse(text) {
        FuzzDriver.require(!certificate.knots.isEmpty && !certificate.saddles.isEmpty, "a certificate has knots and saddles")
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzCertificate) }
}

import CertificateChecker
import FuzzSupport

/// The certificate checker on any text: parse, then every claim. It must answer (accept, or
/// reject naming a claim or a malformed place) without crashing or hanging.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecker(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    _ = CertificateChecker.check(certificateText: text)
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzChecker) }
}

import JSONFormat
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ScratchFile.with(for:_:)`: a fresh temporary file, readable and writable, for the body only.
@Suite struct ScratchFileTests {
    @Test func bodyGetsAFreshReadWriteFile() throws {
        let text = "    {\"kappa\": \"1/2\"}"
        let (result, firstRead) = try ScratchFile.with(for: "a test") { file -> (Int, String) in
            #expect(ftell(file) == 0)
            var out = JSONOutput(fileDescriptor: fileno(file))
            out.append(text)
            out.flush()
            rewind(file)
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = fread(&buffer, 1, buffer.count, file)
            return (42, String(decoding: buffer[..<count], as: UTF8.self))
        }
        #expect(result == 42 && firstRead == text)
        // Each call has its own file: nothing of the first is seen.
        let size = try ScratchFile.with(for: "a test") { file -> Int in
            fseek(file, 0, SEEK_END)
            return ftell(file)
        }
        #expect(size == 0)
    }

    @Test func errorsAreThrownThroughAndTheMessageNamesTheContents() {
        struct Stop: Error {}
        #expect(throws: Stop.self) { try ScratchFile.with(for: "x") { _ in throw Stop() } }
        #expect(ScratchFileError("cannot create a temporary file for the lasso knots").description
                == "cannot create a temporary file for the lasso knots")
    }
}

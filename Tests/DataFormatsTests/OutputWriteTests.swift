import JSONFormat
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed write of a `JSONOutput` is kept (`writeFailure`) and thrown by `checkWrites`, naming
/// what was written and why: a full disk must not leave a document cut short in silence.
@Suite struct OutputWriteTests {
    @Test(.enabled(if: access("/dev/full", W_OK) == 0)) func aFullDeviceIsReportedWithItsReason() throws {
        let fd = open("/dev/full", O_WRONLY)
        defer { close(fd) }
        var out = JSONOutput(fileDescriptor: fd)
        out.append("{\"kappa\": \"1/2\"}")
        #expect(out.writeFailure == nil) // buffered, not yet written
        out.flush()
        #expect(out.writeFailure == ENOSPC)
        #expect(throws: OutputWriteError(what: "the temporary file for the path's segments", code: ENOSPC)) {
            try out.checkWrites(of: "the temporary file for the path's segments")
        }
        #expect(OutputWriteError(what: "the standard output", code: ENOSPC).description
                == "cannot write the standard output: No space left on device")
    }

    @Test func theFirstFailureIsKeptAndSuccessfulWritesReportNone() throws {
        let text = "    {\"x\": [\"1/3\"]}"
        try ScratchFile.with(for: "a test") { file in
            var out = JSONOutput(fileDescriptor: fileno(file))
            out.append(text)
            out.flush()
            #expect(out.writeFailure == nil)
            try out.checkWrites(of: "a test")
            #expect(ftell(file) == text.utf8.count)
        }
        let readOnly = open("/dev/null", O_RDONLY) // write(2) fails: EBADF
        defer { close(readOnly) }
        var out = JSONOutput(fileDescriptor: readOnly)
        for code in [EBADF, EBADF] {
            out.append("[]")
            out.flush()
            #expect(out.writeFailure == code)
        }
    }
}

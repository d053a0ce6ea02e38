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

    /// Appended into a file-descriptor output, a scratch file is copied byte for byte (in blocks
    /// of 16 MB; this one spans two) and drained: its copied pages are freed, not held beside the
    /// copy's. In memory it is only read.
    @Test func appendingCopiesTheFileAndFreesItsPagesIntoADescriptorOnly() throws {
        var text = [UInt8](repeating: UInt8(ascii: "x"), count: 17 << 20)
        for (i, index) in [0, 4095, 4096, (16 << 20) - 1, 16 << 20, text.count - 1].enumerated() {
            text[index] = UInt8(ascii: "a") + UInt8(i) // marks where the blocks meet
        }
        func allocatedBytes(_ file: UnsafeMutablePointer<FILE>) -> Int {
            var status = stat()
            fstat(fileno(file), &status)
            return Int(status.st_blocks) * 512
        }
        try ScratchFile.with(for: ["a test", "its copy"]) { files in
            let (source, copy) = (files[0], files[1])
            #expect(fwrite(text, 1, text.count, source) == text.count)
            var memory = JSONOutput()
            memory.append(file: source)
            #expect(memory.string == String(decoding: text, as: UTF8.self))
            #expect(allocatedBytes(source) >= text.count)
            var out = JSONOutput(fileDescriptor: fileno(copy))
            out.append("[")
            out.append(file: source)
            out.flush()
            rewind(copy)
            var read = [UInt8](repeating: 0, count: text.count + 2)
            #expect(fread(&read, 1, read.count, copy) == text.count + 1)
            #expect(read[0] == UInt8(ascii: "[") && Array(read[1...text.count]) == text)
            #expect(allocatedBytes(source) == 0)
        }
    }

    /// Into a pipe the file is not drained: the pipe holds its pages until they are read, and a
    /// hole punched in a page's part zeroes that part in place. Under 64 KB fit in a pipe, so
    /// they are all still there, unread, when the copy returns.
    @Test func appendingIntoAPipeLeavesTheFileWhole() throws {
        let text = (0..<(60 << 10) - 1000).map { UInt8(ascii: "a") + UInt8($0 % 26) } // ends inside a page
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try ScratchFile.with(for: "a test") { source in
            #expect(fwrite(text, 1, text.count, source) == text.count)
            var out = JSONOutput(fileDescriptor: ends[1])
            out.append(file: source)
            out.flush()
            close(ends[1])
            var received = [UInt8](repeating: 0, count: text.count + 1), total = 0
            while case let count = received.withUnsafeMutableBytes({ read(ends[0], $0.baseAddress! + total, $0.count - total) }),
                  count > 0 { total += count }
            #expect(total == text.count && Array(received[..<total]) == text)
        }
    }

    @Test func errorsAreThrownThroughAndTheMessageNamesTheContents() {
        struct Stop: Error {}
        #expect(throws: Stop.self) { try ScratchFile.with(for: "x") { _ in throw Stop() } }
        #expect(ScratchFileError("cannot create a temporary file for the lasso knots").description
                == "cannot create a temporary file for the lasso knots")
    }
}

import Foundation
import ParallelWork
import Testing

/// Freed pages in the middle of a thread's heap stay resident until `FreedPages` returns them.
@Suite struct FreedPagesTests {
    /// Resident memory in bytes (Linux: the second field of /proc/self/statm, in pages).
    static func resident() throws -> Int {
        let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return Int(fields[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// 256 MB in blocks of 64 KB (below glibc's mmap threshold, so in a heap) written on another
    /// thread, then all but every 16th freed: the kept blocks pin the heap's top, so malloc
    /// keeps the pages between them until they are returned.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func freedPagesInTheMiddleOfAHeapAreReturned() throws {
        let done = DispatchSemaphore(value: 0)
        final class Kept: @unchecked Sendable { var blocks: [UnsafeMutableRawPointer] = [] }
        let kept = Kept()
        inBackground {
            let blocks = (0..<4096).map { _ in
                let p = malloc(64 << 10)!
                memset(p, 1, 64 << 10)
                return p
            }
            for (i, p) in blocks.enumerated() { if i % 16 == 0 { kept.blocks.append(p) } else { free(p) } }
            done.signal()
        }
        done.wait()
        let before = try Self.resident()
        FreedPages.returnNow()
        let after = try Self.resident()
        #expect(before - after > 128 << 20, "resident \(before >> 20) MB before, \(after >> 20) MB after")
        kept.blocks.forEach { free($0) }
    }
}

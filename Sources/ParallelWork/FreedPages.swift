import CMalloc
import Foundation

/// Returns the pages malloc holds free to the system. glibc gives back only the free top of a
/// heap on its own; a long exact computation frees big values in the middle of its threads'
/// arenas as it goes, and those pages stay resident. `malloc_trim(0)` releases every free page
/// (mostly the kernel's work: 56 ms for 238 MB in 64 KB chunks; a page used again faults back in).
public enum FreedPages {
    /// Releases them now; whether any was released.
    @discardableResult
    public static func returnNow() -> Bool { dln_malloc_trim() == 1 }

    /// Releases them every second from a background thread, started by the first call (later
    /// calls do nothing): a long command stays at the memory its live values take.
    public static func returnEverySecond() { _ = everySecond }

    private static let everySecond: Void = inBackground {
        while true {
            Thread.sleep(forTimeInterval: 1)
            returnNow()
        }
    }
}

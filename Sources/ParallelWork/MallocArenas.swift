/// Makes every thread allocate from one glibc malloc arena. Threads that hand big values to each
/// other (`concurrently`) otherwise each keep in their own arena what the other freed (`compare`
/// on Mairal–Yu p = 12: peak 1.56 → 1.35 GB); small blocks still come from each thread's cache,
/// without the arena's lock. Call before starting threads. True when glibc took the setting;
/// false elsewhere (nothing to do).
@discardableResult
public func useOneMallocArena() -> Bool {
    #if os(Linux)
    return mallopt(-8, 1) == 1 // M_ARENA_MAX (glibc's malloc.h)
    #else
    return false
    #endif
}

#if os(Linux)
/// glibc's `mallopt` (malloc.h, which the Glibc module does not import).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

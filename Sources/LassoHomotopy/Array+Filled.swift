extension Array {
    /// `Array(repeating:count:)` built by reserving and appending: the standard initializer
    /// allocates through an unspecialised entry point that looks up the storage's generic
    /// metadata on every call (~500 instructions; thousands of small arrays per path).
    @inline(__always) init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}

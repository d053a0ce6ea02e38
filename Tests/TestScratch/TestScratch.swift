import Foundation

/// Scratch files for tests: every directory made here is inside one directory per test process,
/// removed when the process exits. Tests hand these paths to the code under test and read them
/// afterwards, so they cannot remove each file themselves (before this, every `swift test` left
/// hundreds of directories and files in the system's temporary directory).
public enum TestScratch {
    /// `<temporary directory>/dlnpath-tests-<pid>`, made on first use; the process removes it at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dlnpath-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { removeRoot() }
        return url
    }()

    /// A fresh, empty directory whose name starts with `label` (the suite's name, for a reader of
    /// a run that crashed before it could clean up).
    public static func directory(_ label: String) throws -> URL {
        let url = root.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A C function for `atexit`: it can capture nothing, so it reads the global.
private func removeRoot() {
    try? FileManager.default.removeItem(at: TestScratch.root)
}

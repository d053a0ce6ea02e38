import Foundation
import TestScratch

/// Runs the built `dlnpath` binary and collects what it printed. Shared by every CLI test.
///
/// The binary is found, in order: `$DLNPATH_BIN`; next to the test bundle or runner (SwiftPM puts
/// `dlnpath` in the same `<scratch>/<triple>/<config>/` directory, whatever `--scratch-path` is);
/// `.build/debug/dlnpath` under the package root as a last resort.
///
/// With `stdoutPath`, the child's standard output goes to that file (`/dev/full`: a full disk)
/// and the `stdout` returned is empty.
func runDLNPath(_ args: [String], workingDirectory: URL? = nil, stdoutPath: String? = nil,
                environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try dlnpathExecutable()
    process.arguments = args
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    // Files, not pipes: a full pipe buffer cannot block the child while we wait for it.
    let scratch = try TestScratch.directory("dlnpath-run")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = try stdoutPath.map { path in
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        return handle
    } ?? out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    return (process.terminationStatus, stdout, stderr)
}

struct DLNPathNotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
        "the dlnpath binary was not found (set DLNPATH_BIN); looked in: \(searched.joined(separator: ", "))"
    }
}

/// The `dlnpath` executable under test (see `runDLNPath`).
func dlnpathExecutable() throws -> URL {
    let fm = FileManager.default
    if let path = ProcessInfo.processInfo.environment["DLNPATH_BIN"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
    starts.append(Bundle.main.bundleURL)
    starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
    starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    var searched: [String] = []
    for start in starts {
        // Up a few levels: on macOS the runner sits inside `<config>/X.xctest/Contents/MacOS`.
        var directory = start.standardizedFileURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("dlnpath")
            searched.append(candidate.path)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/dlnpath")
    if fm.isExecutableFile(atPath: fallback.path) { return fallback }
    throw DLNPathNotFound(searched: searched + [fallback.path])
}

/// The package root (this file is `<root>/Tests/CLITests/RunDLNPath.swift`).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A file of the package, e.g. `repositoryFile("examples/orthogonal.json")`.
func repositoryFile(_ relativePath: String) -> String { packageRoot.appendingPathComponent(relativePath).path }

/// Writes `contents` to a fresh temporary file called `name` and returns its path.
func temporaryInput(_ name: String, _ contents: String) throws -> String {
    let url = try TestScratch.directory("CLITests").appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url.path
}

/// Parses the JSON a command printed on stdout into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let object = value as? [String: Any] else { throw DLNPathNotFound(searched: ["stdout is not a JSON object: \(text)"]) }
    return object
}

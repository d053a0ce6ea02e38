import Foundation
import Testing

/// A full disk under the standard output (`/dev/full`) ends every command in a short error and
/// exit 2, whether the output is streamed JSON (`path --json`, `limit --json`, `compare --json`)
/// or printed text: never a file cut short and exit 0.
@Suite("dlnpath: a full disk") struct OutputFailureCLITests {
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")),
          arguments: [["path", "--json"], ["limit", "--json"], ["compare", "--json"], ["compare"], ["inspect"], ["path", "--exact"]])
    func aFailedWriteExitsTwoAndSaysWhy(command: [String]) throws {
        let run = try runDLNPath(command + [repositoryFile("examples/mairal-yu-4.json")], stdoutPath: "/dev/full")
        #expect(run.status == 2)
        #expect(run.stderr == "error: cannot write the standard output: No space left on device\n")
    }

    @Test func theSameCommandsExitZeroWhenTheyCanWrite() throws {
        let run = try runDLNPath(["limit", "--json", repositoryFile("examples/mairal-yu-4.json")])
        #expect(run.status == 0 && run.stderr.isEmpty && run.stdout.hasPrefix("{\n  \"variant\""))
    }
}

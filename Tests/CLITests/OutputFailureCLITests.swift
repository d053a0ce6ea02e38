import Foundation
import TestScratch
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

    /// The parts of a document spilled before their place go to $TMPDIR: a missing one is named.
    @Test func scratchFilesGoToTMPDIR() throws {
        let file = repositoryFile("examples/mairal-yu-4.json")
        let missing = try runDLNPath(["compare", "--json", file], environment: ["TMPDIR": "/nonexistent-dlnpath-tmp"])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("error: cannot create a temporary file for ") && missing.stderr.hasSuffix(" in /nonexistent-dlnpath-tmp: no such file or directory (TMPDIR chooses the directory)\n"), "\(missing.stderr)")
        let directory = try TestScratch.directory("tmpdir")
        let spilled = try runDLNPath(["compare", "--json", file], environment: ["TMPDIR": directory.path])
        let plain = try runDLNPath(["compare", "--json", file])
        #expect(spilled.status == 0 && spilled.stdout == plain.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty) // unlinked when made
    }
}

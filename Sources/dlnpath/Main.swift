import ArgumentParser
import Foundation
import JSONFormat
import ParallelWork

/// Our own entry point, so that every failure maps onto the documented exit codes through the
/// one mapping `exitStatus(for:)`: 0 success, 1 a check or verdict failed, 2 bad usage or input.
@main
enum Main {
    static func main() {
        // Exact values of a long command are freed mid-heap as it goes: give their pages back.
        FreedPages.returnEverySecond()
        do {
            var command = try DLNPath.parseAsRoot()
            try command.run()
            try StandardOutput.check()
        } catch where isParserError(error) {
            // ArgumentParser's own errors: help and --version exit 0, usage errors exit 2.
            let code = DLNPath.exitCode(for: error), message = DLNPath.fullMessage(for: error)
            if code == .success { return print(message) }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code.rawValue == 1 ? 1 : 2)
        } catch {
            let (code, message) = exitStatus(for: error)
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
            exit(code)
        }
    }

    /// Errors ArgumentParser made or understands (usage, validation, help, explicit exit codes).
    static func isParserError(_ error: Error) -> Bool {
        error is ValidationError || error is ExitCode || error is CleanExit
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

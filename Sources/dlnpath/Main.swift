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
            // ArgumentParser's own errors: help and --version exit 0, usage errors exit 2 with
            // one line in the form of every other error, pointing to the command's help.
            let code = DLNPath.exitCode(for: error), message = DLNPath.fullMessage(for: error)
            if code == .success { return print(message) }
            if let usage = usageLine(DLNPath.message(for: error), help: message) { FileHandle.standardError.write(Data(usage.utf8)) }
            exit(code.rawValue == 1 ? 1 : 2)
        } catch {
            let (code, message) = exitStatus(for: error)
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
            exit(code)
        }
    }

    /// "error: missing value for '--p <p>' (see 'dlnpath generate mairal-yu --help')": ArgumentParser's
    /// first line, lower-cased as ours are (not an acronym), and the help its full message names.
    static func usageLine(_ message: String, help fullMessage: String) -> String? {
        guard let first = message.split(separator: "\n").first, let initial = first.first else { return nil }
        let sentence = first.dropFirst().first?.isLowercase == true ? initial.lowercased() + first.dropFirst() : String(first)
        return "error: \(sentence)" + (fullMessage.firstMatch(of: /See '([^']+)'/).map { " (see '\($0.1)')\n" } ?? "\n")
    }

    /// Errors ArgumentParser made or understands (usage, validation, help, explicit exit codes).
    static func isParserError(_ error: Error) -> Bool {
        error is ValidationError || error is ExitCode || error is CleanExit
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

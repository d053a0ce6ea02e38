import ArgumentParser
import DataFormats
import ExactArithmetic
import Foundation
import ProblemDefinition

/// Our own entry point, so that every failure maps onto the documented exit codes:
/// 0 success, 1 a check or verdict failed, 2 bad usage or bad input.
@main
enum Main {
    static func main() {
        do {
            var command = try DLNPath.parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            printError(failure.message)
            exit(failure.exitCode)
        } catch let error as ProblemError {
            printError(error.message)
            exit(2)
        } catch let error as DataFormatError {
            printError(error.description)
            exit(2)
        } catch let error as RationalParseError {
            printError(error.description)
            exit(2)
        } catch {
            // ArgumentParser's own errors: help and --version exit 0, usage errors exit 2.
            let code = DLNPath.exitCode(for: error)
            let message = DLNPath.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code == .validationFailure ? 2 : code.rawValue == 1 ? 1 : 2)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }
}

import ArgumentParser
import DataFormats
import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemInput

/// `dlnpath generate …`: instances with known exact behaviour.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write generated problem instances as exact JSON.",
        subcommands: [MairalYuGenerateCommand.self]
    )
}

/// `dlnpath generate mairal-yu --p P [-o FILE]`: MATH §6's exponential-path family.
struct MairalYuGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mairal-yu",
        abstract: "Mairal and Yu's instance whose lasso path has (3ᵖ + 1)/2 knots.",
        discussion: """
        Builds level p exactly from the exact lasso path of level p − 1 (MATH §6), so large p \
        takes a while (p = 12 needs the paths of levels 1…11). Written as \
        {"X": [[…]], "y": […], "scaling": "sum"} (M = XᵀX, r = Xᵀy, no 1/n) with exact "p/q" \
        strings, or as {"M", "r"} with --form m-r.
        """
    )

    @Option(name: .customLong("p"), help: "The level p, 1…\(MairalYu.maximumLevel) (d = p features).")
    var level: Int

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("x-y (the data A, b) or m-r (M = AᵀA, r = Aᵀb).", valueName: "x-y|m-r"))
    var form = "x-y"

    func validate() throws {
        guard level >= 1 else { throw ValidationError("--p must be at least 1, got \(level)") }
        guard level <= MairalYu.maximumLevel else {
            throw ValidationError("--p must be at most \(MairalYu.maximumLevel), got \(level): level p needs the exact path of level p − 1, with (3^(p−1) + 1)/2 knots, so each level costs about three times the one before")
        }
        guard form == "x-y" || form == "m-r" else { throw ValidationError("--form must be 'x-y' or 'm-r', not '\(form)'") }
    }

    func run() throws {
        let problem: Problem
        do {
            problem = try MairalYu.instance(p: level)
        } catch let error as LassoPathError {
            throw CLIFailure.checkFailed("building level \(level) failed a check: \(error.description)")
        }
        let description = JSONValue.string("Mairal–Yu level p = \(level) (MATH §6): its lasso path has \((power3(level) + 1) / 2) knots")
        let document: JSONValue
        if form == "x-y", let data = problem.data {
            document = .object(JSONObject([
                ("description", description),
                ("X", .exact(data.X.rowArrays)), ("y", .exact(data.y)), ("scaling", .string("sum")),
            ]))
        } else {
            document = .object(JSONObject([("description", description), ("M", .exact(problem.M.rowArrays)), ("r", .exact(problem.r))]))
        }
        let text = document.serialized(pretty: true) + "\n"
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CLIFailure.badInput("cannot write \(output): \(error.localizedDescription)")
        }
    }

    private func power3(_ p: Int) -> Int { (0..<p).reduce(1) { r, _ in r * 3 } }
}

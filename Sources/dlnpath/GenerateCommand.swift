import ArgumentParser
import DataFormats
import LassoHomotopy
import ProblemDefinition

/// `dlnpath generate …`: instances with known exact behaviour.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write generated problem instances as exact JSON.",
        subcommands: [MairalYuGenerateCommand.self]
    )
}

/// `dlnpath generate mairal-yu --p P [-o FILE]`: docs/math.md §6's exponential-path family.
struct MairalYuGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mairal-yu",
        abstract: "Mairal and Yu's instance whose lasso path has (3ᵖ + 1)/2 knots.",
        discussion: """
        Builds level p exactly from the exact lasso path of level p − 1 (docs/math.md §6), so \
        large p takes a while (p = 12 needs the paths of levels 1…11). Written as \
        {"X": [[…]], "y": […], "scaling": "sum"} (M = XᵀX, r = Xᵀy, no 1/n) with exact "p/q" \
        strings, or as {"M", "r"} with --form m-r.
        """
    )

    @Option(name: .customLong("p"), help: "The level p, 1…\(MairalYu.maximumLevel) (d = p features).")
    var level: Int

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("x-y (the data A, b) or m-r (M = AᵀA, r = Aᵀb).", valueName: "x-y|m-r"))
    var form: ProblemForm = .data

    func validate() throws {
        guard level >= 1 else { throw ValidationError("--p must be at least 1, got \(level)") }
        guard level <= MairalYu.maximumLevel else {
            throw ValidationError("--p must be at most \(MairalYu.maximumLevel), got \(level): each level needs the exact path of the one before, about three times as long")
        }
    }

    func run() throws {
        let text = try MairalYu.document(p: level, form: form).serialized(pretty: true) + "\n"
        if let output { try writeTextFile(text, toPath: output) } else { print(text, terminator: "") }
    }
}

extension ProblemForm: ExpressibleByArgument {}

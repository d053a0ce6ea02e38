import ArgumentParser
import ProblemDefinition

/// The root command. Each subcommand is a small struct in its own file.
struct DLNPath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlnpath",
        abstract: "Exact verification of diagonal linear networks against the lasso path.",
        discussion: """
        A diagonal linear network x = u∘v (or x = u∘u) trained by gradient flow from a tiny \
        initialisation follows, on average, the lasso regularization path, with rescaled time \
        s playing 1/λ. DLNPath computes both exactly, in rational arithmetic, and says where they \
        agree. Problems are JSON ({"X": …, "y": …} or {"M": …, "r": …}), CSV or NumPy files.

        Exit codes: 0 success, 1 a check or verdict failed, 2 bad usage or bad input.
        """,
        version: DLNPathVersion.current,
        subcommands: [
            InspectCommand.self,
            PathCommand.self,
            LimitCommand.self,
            CompareCommand.self,
            CertifyCommand.self,
            CheckCommand.self,
            FlowCommand.self,
            PlotCommand.self,
            CheckRunCommand.self,
            CheckSolverCommand.self,
            SearchCommand.self,
            SearchMergeCommand.self,
            GenerateCommand.self,
        ]
    )
}

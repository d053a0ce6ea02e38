import ArgumentParser
import SaddleToSaddle

/// `dlnpath limit FILE [--at s…] [--json]`: the exact ε → 0 trajectory of the network (docs/math.md §3).
struct LimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit",
        abstract: "The exact ε → 0 limit of the DLN trajectory: its saddles, jump times and averaged path.",
        discussion: """
        Computes, in exact arithmetic, the saddle-to-saddle trajectory of the network x = u∘v \
        (or x = u∘u with --positive) in rescaled time s: the jump times, the saddle x° held from \
        each jump to the next (the last one forever), and the dual q(s) that decides the jumps. \
        Every saddle passes an exact KKT check. When a face problem has several minimisers the \
        saddle is marked non-unique: the true limit then depends on the initialisation β, γ, while \
        q and M·x° do not. --at s evaluates x°(s), q(s), Z(s) = ∫₀ˢ x° and the averaged x̄(s) = Z(s)/s. \
        --s-max S stops after the last saddle with s ≤ S (--kappa-min K: S = 1/(K − λwd), no stop \
        when K ≤ λwd), so everything is exact on [0, S]; JSON ends with "stop": {"s": S}.

        JSON (--json): every number is an exact "p/q" string; coordinates count from 0.
        """
    )

    @OptionGroup var problem: ProblemOptions
    @OptionGroup var at: AtOption
    @OptionGroup var stop: StopOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let times = try at.parse(quantity: "s", command: "limit")
        let p = try problem.load(), early = try stop.stop(p, reaching: times), horizon = early?.horizon
        // Written saddle by saddle as the limit is computed (memory flat in the saddles), printed once it is done.
        if output.json { return try output.withProgress { try DLNLimit.writeJSON(problem: p, horizon: horizon, at: times, output.exactJSON) } }
        let f = output.numberFormat, report = try output.withProgress { try DLNLimit.text(problem: p, horizon: horizon, file: problem.file, at: times, format: f) }
        print(f.page(report + (early?.note(f, inTime: true) ?? "")))
    }
}

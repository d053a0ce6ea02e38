"""The oracles' checks of `dlnpath search` (a mixin of check_outputs.Oracles): its summary,
findings, certificates and frequency tallies against their JSON Schemas and hashlib."""
from documents import fail, sha256_of


class SearchChecks:
    def search(self):
        out = self.work / "search"
        self.run(["search", "--property", "non-monotone", "--count", "40", "--seed", "7", "--max-found", "2",
                  "--jobs", "1", "--output", out])
        summary = self.file("search-summary", out / "summary.json", "search summary.json")
        if not summary["findings"]:
            fail("the seeded search found nothing to validate (seed 7 finds non-monotone instances)")
        for finding in summary["findings"]:
            instance = out / finding["instance"]
            self.file("problem", instance, f"search {finding['instance']}")
            certificate = self.file("certificate", out / finding["certificate"], f"search {finding['certificate']}")
            if certificate["input"]["sha256"] != sha256_of(instance):
                fail(f"{finding['certificate']}: input.sha256 differs from hashlib's digest of {finding['instance']}")
            self.output("check", ["check", out / finding["certificate"], "--input", instance, "--json"])

    def search_frequencies(self):
        out = self.work / "frequencies"
        self.run(["search", "--frequencies", "--count", "20", "--seed", "7", "--jobs", "1", "--output", out])
        names = sorted(p.name for p in out.glob("frequencies*.json"))
        if not names:
            fail("search --frequencies --output wrote no frequencies*.json")
        for name in names:
            self.file("search-frequencies", out / name, f"search {name}")
        # A shard without instances: 0 of 0 has no frequency (null), in both files' schemas.
        empty = self.work / "frequencies-empty"
        self.run(["search", "--frequencies", "--count", "2", "--seed", "7", "--shard", "4/4", "--output", empty])
        tally = self.file("search-frequencies", empty / "frequencies-4-of-4.json", "search frequencies-4-of-4.json")
        if any(row["trials"] != 0 or row["frequency"] is not None for row in tally["rows"]):
            fail(f"a shard of no instances: rows {tally['rows']}, expected 0 trials and frequency null")
        nothing = self.work / "search-empty"
        self.run(["search", "--property", "non-monotone", "--count", "0", "--seed", "7", "--output", nothing])
        summary = self.file("search-summary", nothing / "summary.json", "search --count 0 summary.json")
        if summary["tried"] != 0 or summary["frequency"] is not None:
            fail(f"search --count 0: tried {summary['tried']}, frequency {summary['frequency']!r}; expected 0 and null")

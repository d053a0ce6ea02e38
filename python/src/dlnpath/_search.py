"""search: the seeded counterexample search, on this machine or spread over a Dask cluster."""
import json
import math
import numbers
import os
import socket
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import List, Optional, Tuple

from . import _tool
from .errors import DLNPathError, DLNPathInputError
from ._exact import parse_fraction, parse_int


@dataclass
class Finding:
    """One kept instance, shrunk, with what the exact analysis says about it.

    Attributes
    ----------
    index : int
        The draw it came from (instance ``index`` of the seed's stream).
    X : list of lists of Fraction
        The shrunk data (n × d).
    y : list of Fraction
    positive : bool
        The nonnegative lasso.
    monotone, equivalent : bool
        The verdict on the shrunk instance.
    first_divergence : (Fraction, Fraction or None) or None
        The first s-interval where the averaged DLN limit leaves the lasso path.
    maximum_gap : Fraction
        The largest exact limit gap, attained at ``gap_at`` (None: approached as s → ∞, or the
        gap is 0 for every s).
    duplicates : list of int
        Later draws whose shrunk problem is this one up to a permutation and sign flip of coordinates.
    certificate : str
        The certificate (JSON text; ``dlnpath check`` re-verifies it).
    raw : dict
        The finding as the summary records it.
    """

    index: int
    X: List[List[Fraction]]
    y: List[Fraction]
    positive: bool
    monotone: bool
    equivalent: bool
    first_divergence: Optional[Tuple[Fraction, Optional[Fraction]]]
    maximum_gap: Fraction
    gap_at: Optional[Fraction]
    duplicates: List[int]
    certificate: str = field(repr=False)
    raw: dict = field(default_factory=dict, repr=False)


@dataclass
class SearchResult:
    """The outcome of :func:`search`.

    Attributes
    ----------
    tried : int
        Instances tried: ``count``, unless ``max_found`` stopped the search at its last find.
    found : int
        Instances with the property among them.
    found_indices : list of int
    frequency : float
        ``found / tried``; nan when nothing was tried (``count=0``).
    interval : (float, float)
        The 95% Wilson interval of the frequency.
    findings : list of Finding
        The instances found, shrunk, one per problem up to a signed permutation of coordinates.
    errors : list of (int, str)
        Instances that could not be analysed, with the reason.
    summary : dict
        The tool's summary.json.
    """

    tried: int
    found: int
    found_indices: List[int]
    frequency: float
    interval: Tuple[float, float]
    findings: List[Finding]
    errors: List[Tuple[int, str]]
    summary: dict = field(default_factory=dict, repr=False)


def _search_args(prop, count, seed, max_found, distribution, samples, features, positive, jobs, shrink):
    args = ["search", "--property", prop, "--count", count, "--seed", seed, "--max-found", max_found,
            "--distribution", distribution, "--samples", samples, "--features", features]
    if positive:
        args.append("--positive")
    if jobs is not None:
        args += ["--jobs", jobs]
    if not shrink:
        args.append("--no-shrink")
    return [str(a) for a in args]


def run_shard(args, shard, shards):
    """Run one shard (``dlnpath search … --shard K/N``) in a scratch directory and return its
    files, so it can run on any Dask worker with dlnpath installed (no shared file system). A
    failure names the shard and the machine it ran on.

    Parameters
    ----------
    args : list of str
        The search's arguments (without ``--shard`` and ``--output``).
    shard, shards : int
        K (1-based) and N.

    Returns
    -------
    dict
        File name → bytes.
    """
    with tempfile.TemporaryDirectory(prefix="dlnpath-shard-") as directory:
        try:
            _tool.run(list(args) + ["--shard", f"{shard}/{shards}", "--output", directory], accept=(0, 1))
        except DLNPathError as e:
            raise type(e)(f"shard {shard}/{shards} (on {socket.gethostname()}): {e.message}", e.exit_code, e.command) from None
        return {name: Path(directory, name).read_bytes() for name in sorted(os.listdir(directory))}


def search(property, count, seed, shards=1, client=None, max_found=None, *, distribution="gaussian:6",
           samples=3, features=4, positive=False, jobs=None, shrink=True, output=None, force=False):
    """Search seeded random instances for a property, shrink and certify what is found
    (``dlnpath search``), optionally on a Dask cluster.

    Parameters
    ----------
    property : str
        ``"non-monotone"``, ``"not-equivalent"``, ``"non-unique"``, ``"rejoins"`` or
        ``"gap-above=VALUE"`` (VALUE exact, e.g. ``"1/100"``).
    count : int
        Instances 0..count-1 of the seed's stream are tried (fewer when ``max_found`` stops it).
    seed : int
        The stream's seed; instance k depends on (seed, k) only.
    shards : int, default 1
        Split the instances into this many shards (instance k goes to shard k mod shards + 1).
        The outcome is exactly the same for any number of shards and workers.
    client : dask.distributed.Client, optional
        Run the shards as tasks on this cluster (each worker runs ``dlnpath search --shard``;
        dlnpath must be installed where the workers run). Without it the shards run here, one
        after the other.
    max_found : int, optional
        Stop at this many instances found (the first by index). Default: try all ``count``.
    distribution : str, default "gaussian:6"
        ``"gaussian:D"`` (normal entries to D significant digits) or ``"integers:LO:HI"``.
    samples, features : int, default 3 and 4
        n and d of each instance (the defaults are Berthier's experiment).
    positive : bool, default False
        The nonnegative lasso / the network ``x = u∘u``.
    jobs : int, optional
        Threads per shard (default: all cores).
    shrink : bool, default True
        Shrink what is found to a small readable witness.
    output : str or path, optional
        Keep the merged output (summary.json, instances, certificates) in this directory.
    force : bool, default False
        Replace another run's output in ``output``.

    Returns
    -------
    SearchResult

    Raises
    ------
    DLNPathInputError
        For bad options or an ``output`` holding another run (the message says what to do), before
        any shard runs.
    DLNPathError
        When a shard fails (the message names it). On a cluster the shards not yet started are
        then cancelled (so is everything on Ctrl-C); those already running finish on their
        workers, as Dask cannot stop a running task.
    """
    for name, value, least in [("count", count, 0), ("seed", seed, 0), ("shards", shards, 1), ("samples", samples, 1),
                               ("features", features, 1), ("max_found", max_found, 1), ("jobs", jobs, 1)]:
        if (value is not None or name not in ("max_found", "jobs")) and (
                not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < least):
            raise DLNPathInputError(f"{name} must be an integer ≥ {least}"
                                    + (" (or None)" if name in ("max_found", "jobs") else "") + f", got {value!r}")
    limit = max_found if max_found is not None else max(count, 1)
    args = _search_args(property, count, seed, limit, distribution, samples, features, positive, jobs, shrink)
    with tempfile.TemporaryDirectory(prefix="dlnpath-search-") as scratch:
        merged = Path(output) if output is not None else Path(scratch, "merged")
        if shards == 1 and client is None:
            extra = ["--force"] if force else []
            _tool.run(args + ["--output", str(merged)] + extra, accept=(0, 1))
        else:
            _check_before_sharding(args, Path(scratch, "check"), output, force)
            if client is None:
                outputs = [run_shard(args, k, shards) for k in range(1, shards + 1)]
            else:
                futures = [client.submit(run_shard, args, k, shards, pure=False) for k in range(1, shards + 1)]
                try:
                    outputs = client.gather(futures)
                except BaseException:  # a failed shard, or Ctrl-C: the shards not yet started never start
                    client.cancel(futures)
                    raise
            parts = []
            for k, files in enumerate(outputs, start=1):
                part = Path(scratch, f"shard-{k}")
                part.mkdir()
                for name, data in files.items():
                    (part / name).write_bytes(data)
                parts.append(str(part))
            _tool.run(["search-merge", *parts, "--output", str(merged)] + (["--force"] if force else []), accept=(0, 1))
        return _result(merged)


def _check_before_sharding(args, scratch, output, force):
    """What the shards would find wrong, found here before any runs: bad options (the tool
    checks them on a search of no instances) and an ``output`` holding another run's files."""
    at = args.index("--count") + 1
    _tool.run(args[:at] + ["0"] + args[at + 1:] + ["--output", str(scratch)], accept=(0, 1))
    if output is None or force or not Path(output).is_dir():
        return
    run = _run_identity(json.loads(Path(scratch, "summary.json").read_text()), count=int(args[at]))
    for file in sorted(Path(output).glob("summary*.json")):
        try:
            recorded = _run_identity(json.loads(file.read_text()))
        except (ValueError, KeyError):
            recorded = None
        if recorded != run:
            raise DLNPathInputError(f"{output} holds the output of another search ({file.name}); "
                                    "write to another directory, or give force=True to replace it")


def _run_identity(summary, count=None):
    """What makes two searches the same run, as the tool's summary records it (SearchRun)."""
    keys = ("property", "distribution", "samples", "features", "variant", "seed", "shrink")
    return tuple(summary[k] for k in keys) + (summary["count"] if count is None else count,)


def _result(directory):
    directory = Path(directory)
    summary = json.loads((directory / "summary.json").read_text())
    positive = summary.get("variant") == "positive"
    findings = []
    for f in summary["findings"]:
        instance = json.loads((directory / f["instance"]).read_text(), parse_float=parse_fraction,
                              parse_int=lambda t: Fraction(parse_int(t)))
        first = f.get("firstDivergence")
        findings.append(Finding(
            index=int(f["index"]),
            X=[[_number(v) for v in row] for row in instance["X"]], y=[_number(v) for v in instance["y"]],
            positive=positive, monotone=bool(f["monotone"]), equivalent=bool(f["equivalent"]),
            first_divergence=None if first is None else (parse_fraction(first["from"]),
                                                         None if first.get("to") is None else parse_fraction(first["to"])),
            maximum_gap=parse_fraction(f["maximumGap"]),
            gap_at=None if f.get("gapAt") is None or parse_fraction(f["maximumGap"]) == 0 else parse_fraction(f["gapAt"]),
            duplicates=[int(i) for i in f.get("duplicates", [])],
            certificate=(directory / f["certificate"]).read_text(), raw=f))
    lower, upper = summary["wilson95"]
    frequency = summary["frequency"]  # null for 0 of 0
    return SearchResult(tried=int(summary["tried"]), found=int(summary["found"]),
                        found_indices=[int(i) for i in summary["foundIndices"]],
                        frequency=math.nan if frequency is None else float(frequency), interval=(float(lower), float(upper)),
                        findings=findings, errors=[(int(e["index"]), e["message"]) for e in summary["errors"]],
                        summary=summary)


def _number(v):
    """An entry of an instance file (read with exact number parsing, or a "p/q" string)."""
    return v if isinstance(v, Fraction) else parse_fraction(v)

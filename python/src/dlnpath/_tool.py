"""Finding and running the dlnpath binary."""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import DLNPathError, DLNPathInputError, DLNPathNotFound

_PACKAGED = Path(__file__).resolve().parent / "bin" / "dlnpath"


def find_binary():
    """The dlnpath executable this package drives.

    Looked for, in order: the environment variable ``DLNPATH_BIN``; the copy built into the
    package by ``pip install`` (when Swift was present); ``dlnpath`` on ``PATH``.

    Returns
    -------
    str
        Path of the executable.

    Raises
    ------
    DLNPathNotFound
        When none is found, saying how to provide one.
    """
    configured = os.environ.get("DLNPATH_BIN")
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        raise DLNPathNotFound(
            f"DLNPATH_BIN={configured} is not an executable file; point it at the dlnpath binary "
            "(e.g. .build/release/dlnpath after `swift build -c release --product dlnpath`) or unset it")
    if _PACKAGED.is_file() and os.access(_PACKAGED, os.X_OK):
        return str(_PACKAGED)
    on_path = shutil.which("dlnpath")
    if on_path:
        return on_path
    raise DLNPathNotFound(
        "the dlnpath binary was not found: set DLNPATH_BIN to its path, put it on PATH, or reinstall "
        "this package on a machine with Swift (`pip install ./python` in the DLNPath repository builds it)")


def run(args, *, accept=(0,), cwd=None):
    """Run ``dlnpath ARGS``; return the completed process when its status is in `accept`.

    Raises
    ------
    DLNPathInputError
        Exit status 2 (bad input or usage), with the tool's message.
    DLNPathError
        Any other unexpected status (a crash, or a failed check where none was expected).
    """
    command = [find_binary()] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL)
    if done.returncode in accept:
        return done
    raise error_for(done.returncode, done.stderr, done.stdout, command)


def run_streaming(args, consume, *, accept=(0,)):
    """Run ``dlnpath ARGS`` and hand its standard output to ``consume`` as an iterator of
    lines (bytes) while it runs, so that a long document is never held whole; return what
    ``consume`` returns when the exit status is in `accept`.

    Raises
    ------
    DLNPathInputError, DLNPathError
        As :func:`run`.
    """
    command = [find_binary()] + [str(a) for a in args]
    # stderr goes to a file: a pipe left unread could fill and stall the tool.
    with tempfile.TemporaryFile() as stderr, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL) as process:
        try:
            result = consume(iter(process.stdout.readline, b""))
            process.stdout.read()  # whatever consume left, so that the tool can finish
        except BaseException:
            process.kill()
            raise
        status = process.wait()
        if status in accept:
            return result
        stderr.seek(0)
        raise error_for(status, stderr.read().decode("utf-8", "replace"), "", command)


# The files this package writes for the tool, as the user knows them: their arrays.
_SCRATCH = re.compile(re.escape(tempfile.gettempdir()) + r"/dlnpath-[^/\s]*/(problem|run|solution)\.(?:npz|json)")
_GIVEN = {"problem": "the problem's arrays", "run": "the run's arrays", "solution": "the solver's arrays"}
# The tool counts places in those files from 1; numpy counts from 0.
_RENUMBER = {
    "problem": [(re.compile(r"\b([XM])\[(\d+)\]\[(\d+)\]"), lambda m: f"{m[1]}[{int(m[2]) - 1}, {int(m[3]) - 1}]"),
                (re.compile(r"\b([yr])\[(\d+)\]"), lambda m: f"{m[1]}[{int(m[2]) - 1}]"),
                # The input limits are these functions' max_digits, max_exponent, max_bits.
                (re.compile(r"raise it with --max-(digits|exponent|bits)\)"), lambda m: f"raise it with max_{m[1]}=…)")],
    "solution": [(re.compile(r"alpha (\d+) \((?:column|row) \d+ of member 'coefs'\)"), lambda m: f"alphas[{int(m[1]) - 1}]")],
}
# search's options are dlnpath.search's parameters.
_SEARCH_OPTION = re.compile(r"--(property|count|seed|max-found|distribution|samples|features|jobs|force)\b(?: <[a-z-]+>)?")


_HINT_OPTION = re.compile(r"give --(epsilon|step) (\S+)")


def in_user_terms(text, command=()):
    """The tool's `text` in the terms of what the user gave: the files this package wrote (in
    `command`) named by their arrays, their entries by numpy's index, and search's options by
    dlnpath.search's parameters."""
    for written in filter(None, map(_SCRATCH.fullmatch, map(str, command))):
        for pattern, renumbered in _RENUMBER.get(written[1], []):
            text = pattern.sub(renumbered, text)
    text = text.replace("without --path they are checked", "with path=False they are checked").replace(
        "give --scaling sum", "give scaling='sum'").replace("leave out --scaling sum", "leave out scaling='sum'")
    text = _HINT_OPTION.sub(lambda m: f"give {m[1]}={m[2]}", text)  # check-run's hints: --epsilon X, --step X
    if {"search", "search-merge"} & set(map(str, command)):
        text = text.replace("give --force", "give force=True").replace("(see 'dlnpath search --help')", "(see help(dlnpath.search))")
        text = _SEARCH_OPTION.sub(lambda m: m[1].replace("-", "_"), text)
    return _SCRATCH.sub(lambda m: _GIVEN[m.group(1)], text)


def error_for(status, stderr, stdout, command):
    """The exception for an unexpected exit status, carrying the tool's message in the user's
    terms (`in_user_terms`)."""
    message = "\n".join(line[len("error: "):] if line.startswith("error: ") else line
                        for line in stderr.strip().splitlines()) or stdout.strip()
    message = in_user_terms(message, command)
    if status == 2:
        return DLNPathInputError(message or "dlnpath rejected the input (exit status 2)", status, command)
    if status < 0:
        return DLNPathError(f"dlnpath was killed by signal {-status}: {message}".rstrip(": "), status, command)
    return DLNPathError(message or f"dlnpath exited with status {status}", status, command)


class LazyReport:
    """A result's ``report``, the tool's text report, made when first read: the check runs once
    more for it (the result's ``_text`` makes it), and never when it is not read."""

    @property
    def report(self):
        if callable(self._text):
            self._text = self._text()
        return self._text


def version():
    """The version the dlnpath binary reports (``dlnpath --version``)."""
    return run(["--version"]).stdout.strip()

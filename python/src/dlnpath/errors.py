"""Exceptions raised when the dlnpath tool cannot do what was asked.

A check that fails (a solver off the exact path, a search that finds nothing) is a result, not
an exception; these are for bad input and a missing or broken tool.
"""


class DLNPathError(Exception):
    """The dlnpath tool failed; ``message`` is its own explanation.

    Attributes
    ----------
    message : str
        The tool's message (without its ``error:`` prefix).
    exit_code : int or None
        The tool's exit status (None when it did not run).
    command : list of str
        The command line that was run.
    """

    def __init__(self, message, exit_code=None, command=None):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command = list(command or [])


class DLNPathInputError(DLNPathError, ValueError):
    """Bad input or usage (the tool's exit status 2): the message names what to fix."""


class DLNPathNotFound(DLNPathError, FileNotFoundError):
    """No dlnpath binary: set DLNPATH_BIN, put dlnpath on PATH, or reinstall with Swift present."""

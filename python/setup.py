"""Build step: when Swift and the DLNPath source tree are present, compile the `dlnpath`
binary (`swift build -c release --product dlnpath`) and ship it inside the package, so
`pip install ./python` gives a working package with no further setup. Without Swift, or
outside the repository, the step is skipped quietly and the package finds the binary through
DLNPATH_BIN or PATH at run time. Set DLNPATH_NO_BUILD=1 to skip it (CI passes its own binary), and DLNPATH_BUILD_JOBS=N to limit the build's parallelism.
"""
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

REPOSITORY = Path(__file__).resolve().parent.parent


def can_build():
    """Swift and the source tree are here, and the build is not switched off."""
    return (not os.environ.get("DLNPATH_NO_BUILD") and shutil.which("swift") is not None
            and (REPOSITORY / "Package.swift").is_file())


def build_binary():
    """Path of the freshly built binary, or None when it cannot be built here."""
    if not can_build():
        return None
    swift = shutil.which("swift")
    base = [swift, "build", "-c", "release", "--product", "dlnpath", "--package-path", str(REPOSITORY)]
    if os.environ.get("DLNPATH_BUILD_JOBS"):  # e.g. 1 on a shared machine
        base += ["-j", os.environ["DLNPATH_BUILD_JOBS"]]
    for extra in (["--static-swift-stdlib"], []):  # a self-contained binary where the toolchain allows it
        if subprocess.run(base + extra, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            out = subprocess.run(base + extra + ["--show-bin-path"], capture_output=True, text=True)
            binary = Path(out.stdout.strip()) / "dlnpath"
            if binary.is_file():
                return binary
    return None


class BuildWithBinary(build_py):
    def run(self):
        super().run()
        binary = build_binary()
        if binary is not None:
            target = Path(self.build_lib) / "dlnpath" / "bin"
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(binary, target / "dlnpath")
            if shutil.which("strip"):  # symbols are most of a static binary's size
                subprocess.run(["strip", str(target / "dlnpath")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class BinaryDistribution(Distribution):
    """A wheel holding a native binary is platform-specific."""

    def has_ext_modules(self):
        return can_build()


setup(cmdclass={"build_py": BuildWithBinary}, distclass=BinaryDistribution)

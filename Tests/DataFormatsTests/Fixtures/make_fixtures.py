#!/usr/bin/env python3
"""Regenerates the NPY/NPZ/deflate fixtures used by DataFormatsTests.

Run from this directory with numpy installed:  python3 make_fixtures.py
The expected values are restated in the Swift tests, so keep them in sync.
"""
import zlib
import numpy as np

# C-order float64 with values whose decimal text matters.
np.save("f8_c.npy", np.array([[0.1, -2.5, 3.0], [1e-300, -0.0, 2.5e10]], dtype="<f8"))
# Fortran-order 2x3 float64: elements must come back in C order 0..5.
np.save("f8_fortran.npy", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
# Fortran-order 2x3x4 int64: elements must come back in C order 0..23.
np.save("i8_fortran_3d.npy", np.asfortranarray(np.arange(24, dtype="<i8").reshape(2, 3, 4)))
# Big-endian float32 and int32, 1-d.
np.save("f4_be.npy", np.array([0.1, 1.5, -3.25], dtype=">f4"))
np.save("i4_be.npy", np.array([-2147483648, -1, 0, 2147483647], dtype=">i4"))
# 0-d array (shape ()).
np.save("scalar_f8.npy", np.array(0.1))
# Format versions 2.0 and 3.0 (4-byte header length).
with open("v2_i8.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([1, -2, 3], dtype="<i8"), version=(2, 0))
with open("v3_f8.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([[1.5], [-0.5]], dtype="<f8"), version=(3, 0))

members = dict(
    X=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 0.1]]),
    y=np.array([1, -1, 1], dtype="<i8"),
    lam=np.array(0.5),
)
np.savez("savez.npz", **members)
np.savez_compressed("savez_compressed.npz", big=np.arange(1000) * 0.37, **members)

# Raw DEFLATE streams of one text with the three block kinds.
text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(200))
with open("deflate_plain.txt", "wb") as f:
    f.write(text)
def raw(level, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(text) + c.flush()
for name, data in [("stored", raw(0)), ("fixed", raw(9, zlib.Z_FIXED)), ("dynamic", raw(9))]:
    with open(f"deflate_{name}.bin", "wb") as f:
        f.write(data)

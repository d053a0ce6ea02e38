#!/usr/bin/env python3
"""Writes the binary NumPy fixtures of ProblemReadingTests (run from anywhere; numpy >= 1.17).

Every file is written by numpy itself (np.save / np.savez / np.savez_compressed), so the tests
read what real users' files look like. The data is the tiny example of the tests:

    X_float = [[0.1, 0], [0, 2], [1, 1]]  (0.1 is the double 3602879701896397 / 2^55)
    X_int   = [[1, 0], [0, 2], [1, 1]]
    y       = [1, 2, 3]

Rerun after changing anything here and commit the outputs with the script.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

X_FLOAT = [[0.1, 0.0], [0.0, 2.0], [1.0, 1.0]]
X_INT = [[1, 0], [0, 2], [1, 1]]
Y = [1, 2, 3]


def save(name, array):
    np.save(os.path.join(HERE, name), array)


def main():
    # X in every supported layout: byte order, width, C and Fortran order.
    save("X_f8_le.npy", np.array(X_FLOAT, dtype="<f8"))
    save("X_f8_be.npy", np.array(X_FLOAT, dtype=">f8"))
    save("X_f8_fortran.npy", np.asfortranarray(np.array(X_FLOAT, dtype="<f8")))
    save("X_f4_le.npy", np.array(X_FLOAT, dtype="<f4"))
    save("X_f4_be.npy", np.array(X_FLOAT, dtype=">f4"))
    save("X_i8_le.npy", np.array(X_INT, dtype="<i8"))
    save("X_i8_be.npy", np.array(X_INT, dtype=">i8"))
    save("X_i4_fortran.npy", np.asfortranarray(np.array(X_INT, dtype="<i4")))
    save("y_f8.npy", np.array(Y, dtype="<f8"))
    save("y_i8_be.npy", np.array(Y, dtype=">i8"))
    save("y_column.npy", np.array(Y, dtype="<f8").reshape(3, 1))

    # Rejections.
    bad = np.array(X_FLOAT, dtype="<f8")
    bad[1, 0] = np.nan
    save("X_nan.npy", bad)
    save("y_inf.npy", np.array([1.0, np.inf, 3.0]))
    save("X_1d.npy", np.array([1.0, 2.0, 3.0]))
    with open(os.path.join(HERE, "X_f8_le.npy"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.npy"), "wb") as f:
        f.write(whole[:-5])  # the header promises 48 data bytes, 43 are there

    # .npz archives: stored and deflated, (X, y) and (M, r).
    np.savez(os.path.join(HERE, "xy.npz"), X=np.array(X_FLOAT), y=np.array(Y, dtype="<f8"))
    np.savez_compressed(os.path.join(HERE, "xy_compressed.npz"), X=np.array(X_FLOAT), y=np.array(Y, dtype="<i8"))
    np.savez(os.path.join(HERE, "mr.npz"), M=np.array([[2.0, 1.0], [1.0, 2.0]]), r=np.array([0.5, -0.25]))
    np.savez_compressed(os.path.join(HERE, "mr_compressed.npz"), M=np.array([[2, 1], [1, 2]], dtype="<i4"),
                        r=np.array([0.1, 0.0]))
    np.savez(os.path.join(HERE, "other_members.npz"), A=np.eye(2), b=np.ones(2))
    np.savez(os.path.join(HERE, "xy_and_mr.npz"), X=np.eye(2), y=np.ones(2), M=np.eye(2), r=np.ones(2))
    np.savez(os.path.join(HERE, "mr_weight_decay.npz"), M=np.eye(2), r=np.ones(2), weightDecay=np.float64(0.5))
    np.savez(os.path.join(HERE, "xy_nan.npz"), X=np.array(X_FLOAT), y=np.array([1.0, np.nan, 3.0]))
    # y as a column, as scikit-learn users often hold it, and y with two columns.
    np.savez(os.path.join(HERE, "xy_column.npz"), X=np.array(X_FLOAT), y=np.array(Y, dtype="<f8").reshape(3, 1))
    np.savez(os.path.join(HERE, "xy_two_columns.npz"), X=np.array(X_FLOAT), y=np.ones((3, 2)))
    with open(os.path.join(HERE, "garbage.npz"), "wb") as f:
        f.write(bytes((i * 37 + 11) % 256 for i in range(200)))


if __name__ == "__main__":
    main()

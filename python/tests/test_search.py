"""search: sharded and Dask runs give exactly the plain run's outcome."""
import math
import time

import pytest
from distributed import Client, LocalCluster

import dlnpath


def key(result):
    return (result.tried, result.found, result.found_indices, result.frequency, result.interval, result.errors,
            [(f.index, f.X, f.y, f.duplicates, f.maximum_gap, f.first_divergence, f.certificate) for f in result.findings])


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def plain():
    return dlnpath.search("non-monotone", count=30, seed=1, jobs=1)


def test_plain_search(plain):
    # Seed 1 on the paper's distribution: instances 0, 2, 4, 7, 8, 10, 11 of 0..<12 are non-monotone.
    assert plain.tried == 30
    assert plain.found_indices[:7] == [0, 2, 4, 7, 8, 10, 11]
    assert plain.found == len(plain.found_indices)
    assert plain.frequency == plain.found / 30
    lo, hi = plain.interval
    assert lo < plain.frequency < hi
    first = plain.findings[0]
    assert first.index == 0 and first.monotone is False
    assert dlnpath.compare(first.X, first.y).monotone is False  # the shrunk witness keeps the property
    every = sorted([f.index for f in plain.findings] + [i for f in plain.findings for i in f.duplicates])
    assert every == plain.found_indices


def test_nothing_tried_has_no_frequency():
    # 0 of 0 is no proportion: nan, not 0; the interval says nothing is known.
    empty = dlnpath.search("non-monotone", count=0, seed=1, jobs=1)
    assert (empty.tried, empty.found, empty.findings, empty.interval) == (0, 0, [], (0.0, 1.0))
    assert math.isnan(empty.frequency) and empty.summary["frequency"] is None


@pytest.mark.parametrize("shards", [3, 7])
def test_local_cluster_equals_plain(client, plain, shards):
    result = dlnpath.search("non-monotone", count=30, seed=1, shards=shards, client=client, jobs=1)
    assert key(result) == key(plain)


def test_shards_without_a_client_equal_plain(plain):
    assert key(dlnpath.search("non-monotone", count=30, seed=1, shards=4, jobs=1)) == key(plain)


def test_max_found_stops_the_same_way(client):
    plain = dlnpath.search("non-monotone", count=30, seed=1, max_found=4, jobs=1)
    assert plain.found_indices == [0, 2, 4, 7] and plain.tried == 8
    assert key(dlnpath.search("non-monotone", count=30, seed=1, max_found=4, shards=3, client=client, jobs=1)) == key(plain)


def test_sharded_runs_check_before_any_shard_runs(client, tmp_path, monkeypatch):
    ran = []
    monkeypatch.setattr(client, "submit", lambda *a, **k: ran.append(a) or pytest.fail("a shard was submitted"))
    with pytest.raises(dlnpath.DLNPathInputError, match=r"^the value 'bogus' is invalid for 'property'"):
        dlnpath.search("bogus", count=30, seed=1, shards=3, client=client)
    dlnpath.search("non-monotone", count=4, seed=1, output=tmp_path)
    with pytest.raises(dlnpath.DLNPathInputError,
                       match=r"holds the output of another search \(summary.json\); write to another directory, or give force=True"):
        dlnpath.search("non-monotone", count=4, seed=2, shards=2, client=client, output=tmp_path)
    assert ran == []


def test_a_failed_shard_cancels_the_shards_not_started(client, tmp_path, monkeypatch):
    # Two workers: shard 1 fails at once, shard 2 (and perhaps 3) has started; 4 to 6 never do.
    def shard(args, k, shards):
        if k == 1:
            raise dlnpath.DLNPathError("shard 1/6: dlnpath was killed by signal 9", -9, args)
        (tmp_path / f"started-{k}").touch()
        time.sleep(1)
        return {}
    monkeypatch.setattr(dlnpath._search, "run_shard", shard)
    with pytest.raises(dlnpath.DLNPathError, match="^shard 1/6: dlnpath was killed"):
        dlnpath.search("non-monotone", count=12, seed=1, shards=6, client=client)
    time.sleep(1.5)  # without the cancel, shards 4 and 5 would start by now
    started = sorted(p.name for p in tmp_path.iterdir())
    assert "started-2" in started and len(started) <= 2, started


def test_a_failed_shard_is_named(monkeypatch):
    def killed(args, accept=(0,), cwd=None):
        raise dlnpath.DLNPathError("dlnpath was killed by signal 9", -9, args)
    monkeypatch.setattr(dlnpath._search._tool, "run", killed)
    with pytest.raises(dlnpath.DLNPathError, match=r"^shard 2/3 \(on [^)]+\): dlnpath was killed by signal 9$"):
        dlnpath._search.run_shard(["search"], 2, 3)


def test_the_same_run_into_its_own_output_is_not_refused(client, tmp_path):
    first = dlnpath.search("non-monotone", count=12, seed=1, shards=2, client=client, output=tmp_path, jobs=1)
    again = dlnpath.search("non-monotone", count=12, seed=1, shards=3, client=client, output=tmp_path, jobs=1, max_found=2)
    assert again.found_indices == first.found_indices[:2]
    assert sorted(p.name for p in tmp_path.glob("instance-*.json")) == sorted(
        n for f in again.findings for n in (f.raw["instance"], f.raw["certificate"]))

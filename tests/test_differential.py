"""A rebuild (the fast path of `make html`) is byte for byte a full build,
after each of 44 seeded random edits of every kind (differential.py; longer
runs: make fuzz SEED=… STEPS=…)."""

from differential import KINDS, run


def test_rebuilds_equal_full_builds_after_random_edits(tmp_path):
    done = run(tmp_path, seed=2027, steps=44)
    assert set(KINDS) <= set(done) and len(set(done)) >= 15
    assert "broken file fixed" in done

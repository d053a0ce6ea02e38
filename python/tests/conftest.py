import json
from pathlib import Path

import numpy as np
import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def tie():
    """scikit-learn issue 2746 (examples/sklearn-2746-tie.json): columns 2 and 4 (1-based) tie."""
    data = json.loads((REPOSITORY / "examples" / "sklearn-2746-tie.json").read_text())
    return np.array(data["X"], dtype=np.float64), np.array(data["y"], dtype=np.float64)

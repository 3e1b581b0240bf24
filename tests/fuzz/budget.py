"""How hard the fuzz suite tries: a bounded run in CI, a deep one on request.

`pytest --fuzz=deep` or `COLLAB_FUZZ=deep` (set by tests/conftest.py before the test modules
are imported) raises every example count; `settings_for(ci, deep)` gives hypothesis
settings for one test. CI runs are derandomized (the same examples every run, never flaky);
deep runs draw new ones and print the seed of anything they find.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

MODE = ["deep" if os.environ.get("COLLAB_FUZZ") == "deep" else "ci"]


def deep() -> bool:
    """Whether this is a deep run."""
    return MODE[0] == "deep"


def settings_for(ci: int, deep_examples: int | None = None) -> settings:
    """Hypothesis settings: `ci` examples in CI, `deep_examples` (100 × ci) in a deep run."""
    examples = (deep_examples or ci * 100) if deep() else ci
    return settings(
        max_examples=examples,
        deadline=None,  # file system and subprocess timings vary; bounded by the count
        derandomize=not deep(),
        database=None,  # nothing written into the project tree
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
        print_blob=deep(),
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )

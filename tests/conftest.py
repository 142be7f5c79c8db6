from __future__ import annotations

import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*.txt from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """Tests never read or write the user's own result cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("result-cache")))
    yield
    mp.undo()

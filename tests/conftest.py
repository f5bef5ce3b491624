from pathlib import Path

import pytest

import quotes

CORPUS = Path(__file__).parent.parent / "corpus"
SEEDS = [CORPUS / "000_7ce02406a65dd357.txt", CORPUS / "001_b8fb2cd4f4ce1228.txt"]


@pytest.fixture(scope="session")
def seeds_analysis():
    """Both seed articles analyzed once with the bundled compact models."""
    return quotes.analyze(SEEDS, models="compact")

import pytest


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def other_assessment(period, other_ward):
    return period.assessments.get(unit=other_ward)


@pytest.fixture
def leaf(ward_framework):
    """A manual leaf of the ward tree (1.1.1, worth 0.5)."""
    return ward_framework.nodes.get(code="1.1.1")

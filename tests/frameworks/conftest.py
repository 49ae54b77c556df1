import pytest

from frameworks.services import frameworks_load_all


@pytest.fixture
def frameworks(db):
    """Every shipped framework, loaded as `load_frameworks` would."""
    frameworks_load_all()
    from frameworks.models import Framework

    return {framework.key: framework for framework in Framework.objects.all()}

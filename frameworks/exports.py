"""File exports of a framework."""
from .models import Node
from .resources import NodeResource


def framework_xlsx_bytes(*, framework) -> bytes:
    queryset = Node.objects.filter(framework=framework).select_related("framework", "parent").order_by("order")
    return NodeResource().export(queryset=queryset).xlsx

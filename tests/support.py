"""Constants shared by tests (conftest.py itself is not importable by name)."""
PASSWORD = "mat-khau-thu-nghiem-1"

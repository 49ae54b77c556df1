"""Labelled string enums that need no ORM import, so pure modules (the workflow, the roles) can define them.

They behave like Django's ``TextChoices`` where the code relies on it: members are their string
values, ``Member.label`` is the Vietnamese label, and ``Enum.choices`` feeds a model field.
"""
import enum


class _ChoicesType(enum.EnumType):
    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class Choices(str, enum.Enum, metaclass=_ChoicesType):
    def __new__(cls, value: str, label):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value

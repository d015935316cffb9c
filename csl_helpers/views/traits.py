"""Trait types the dashboards' models share."""

from __future__ import annotations

from typing import Any

from traitlets import TraitError, Unicode

from csl_helpers.law.version_registry import version_info
from csl_helpers.translation import Worded, check_ui_lang


class WordedTraitError(Worded, TraitError):
    """A :class:`TraitError` worded in the page's language (:mod:`csl_helpers.translation`)."""


class VersionId(Unicode):
    """The id of a version of the Law; another value is refused, naming the valid ids."""

    info_text = "the id of a version of the Law (data/versions.yaml)"

    def validate(self, obj: Any, value: Any) -> str:
        """The version's id, or a ``TraitError`` naming the valid ids."""
        try:
            return version_info(super().validate(obj, value)).id
        except Worded as exc:
            raise WordedTraitError(exc.message, **exc.values) from None
        except ValueError as exc:
            raise TraitError(str(exc)) from None


class UiLang(Unicode):
    """The interface's language, ``"en"`` or ``"zh"``; another value is refused, naming both."""

    info_text = "an interface language: en or zh"

    def __init__(self, default_value: str = "en", **kwargs: Any) -> None:
        super().__init__(default_value, **kwargs)

    def validate(self, obj: Any, value: Any) -> str:
        """The language, or a ``TraitError`` naming the valid ones."""
        try:
            return check_ui_lang(super().validate(obj, value))
        except Worded as exc:
            raise WordedTraitError(exc.message, **exc.values) from None

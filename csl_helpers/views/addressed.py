"""A dashboard model whose state its page's address carries: the fields it declares.

A model lists in :attr:`Addressed.ADDRESS` the traits that make up its address, in the order
the address gives them. :meth:`Addressed.address` writes them as query parameters and
:meth:`Addressed.open_address` reads a query back into them; a trait that is text or a whole
number needs nothing more (a language, say, is one more name in ``ADDRESS``), and a model
writes and reads a field that takes several parameters (a clause: article, paragraph, item)
by overriding :meth:`Addressed.write_field` and :meth:`Addressed.read_params`. The page's
side is :class:`csl_helpers.views.page_address.PageAddress`. Imports no widgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import parse_qs

from traitlets import HasTraits, Int, TraitError

from csl_helpers.law.query import parameters, query_of, whole_number
from csl_helpers.translation import N_, Phrase, WordedValueError


class Addressed(HasTraits):
    """A model whose :attr:`ADDRESS` traits are written into, and read from, its page's address.

    :attr:`REPLACING` names the fields whose change rewrites the current entry of the
    browser's history instead of adding one (a tick in a list is not a new view).
    """

    ADDRESS: ClassVar[tuple[str, ...]] = ()
    FIRST: ClassVar[tuple[str, ...]] = ("lang",)
    """Fields an address sets before the others (those of :attr:`ADDRESS` and of neither
    :attr:`PARAMETERS`), so that a bad value of another is told in the language it names."""
    REPLACING: ClassVar[tuple[str, ...]] = ()
    PARAMETERS: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    """The parameters of each field that takes other names than its own (or several)."""
    DEFAULTS: ClassVar[Mapping[str, Any]] = {}
    """Fields an address leaves out while they hold this value, and that an address without
    them sets back to it (the interface's language: English unless the address says)."""

    def address(self) -> str:
        """The query (without ``?``) naming the state the fields hold now."""
        params: dict[str, Any] = {}
        for name in self.ADDRESS:
            params.update(self.write_field(name))
        return query_of(params)

    def query_keys(self) -> tuple[str, ...]:
        """Every parameter an address of this model may carry."""
        return tuple(key for name in self.ADDRESS for key in self.PARAMETERS.get(name, (name,)))

    def open_address(self, query: str) -> None:
        """Bring the fields in line with a query (an empty one changes nothing).

        Raises:
            ValueError: naming the parameter that is wrong and its valid values.
        """
        keys = self.query_keys()
        given = parse_qs((query or "").lstrip("?"), keep_blank_values=True)
        for name in self.FIRST:  # even where another parameter is wrong
            once = len(given.get(name, ())) == 1
            if once and name in self.ADDRESS and name not in self.PARAMETERS:
                self._read_trait(name, {name: given[name][0]})
        params = parameters(query, keys)
        if params is None:
            return
        self.read_params(params)

    def write_field(self, name: str) -> dict[str, Any]:
        """The parameters of field ``name``: by default the trait's value under its name.

        Nothing while it holds its value of :attr:`DEFAULTS`.
        """
        value = getattr(self, name)
        if name in self.DEFAULTS and value == self.DEFAULTS[name]:
            return {}
        return {name: value}

    def read_params(self, params: Mapping[str, str]) -> None:
        """Set each field given in ``params``; by default a text or whole-number trait."""
        for name in self.ADDRESS:
            if name in params and name not in self.PARAMETERS:
                self._read_trait(name, params)
            elif name in self.DEFAULTS:
                setattr(self, name, self.DEFAULTS[name])

    def _read_trait(self, name: str, params: Mapping[str, str]) -> None:
        value: Any = params[name]
        if isinstance(self.traits()[name], Int):
            value = whole_number(params, name, Phrase(N_("a whole number")))
        try:
            setattr(self, name, value)
        except TraitError as exc:  # worded in the page's language where the trait words it
            raise WordedValueError(N_("{key}: {reason}"), key=name, reason=exc) from None

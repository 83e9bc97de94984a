"""Strip boilerplate from scraped web page text, and say why for every line.

deboiler takes the plain text of a page (``innerText``, html2text, inscriptis,
resiliparse or trafilatura output, Common Crawl WET records) and returns the
article: menus, subscribe prompts, teaser lists, share and cookie lines,
comment threads and photo credits are removed, and every line carries the
rule that decided and why.

>>> import deboiler
>>> page = "Skip to content\\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\\nShare on Facebook"
>>> deboiler.clean(page).text
"The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution."
>>> [d.code for d in deboiler.clean(page).removed()]
['NAV002', 'SHR002']

Text may be ``str`` or ``bytes``; bytes are decoded as UTF-8, invalid
sequences replaced by U+FFFD. Anything else raises ``TypeError``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _native
from ._native import Cleaned, ConfigError, Decision, Error

__all__ = [
    "Cleaned",
    "Cleaner",
    "ConfigError",
    "Decision",
    "Error",
    "clean",
    "rules",
]

_OPTIONS = ("preset", "disable", "enable", "rules", "packs", "keep_markup")


class Cleaner:
    """A configured cleaner. Build it once and reuse it; it is thread-safe.

    ``config`` is a dict (the same fields as the CLI's ``--config`` file), a
    path to a ``.toml`` or ``.json`` config file, or ``None``. Keyword
    options (``preset=``, ``disable=[...]``, ``enable=[...]``,
    ``rules=[...]``, ``packs=[...]``, ``keep_markup=``) replace the config's
    fields of the same name.

    >>> cleaner = Cleaner(preset="precision", disable=["share"])
    >>> [d.code for d in cleaner.clean("The river rose by two metres overnight and the old bridge was closed before dawn.\\nShare on Facebook").removed()]
    ['STR003']
    >>> Cleaner(disable=["no-such-family"])
    Traceback (most recent call last):
    ...
    deboiler.ConfigError: unknown rule code or family "no-such-family" in `disable` ...

    Raises ``ConfigError`` (a ``ValueError``) naming the field and what is
    expected when the config is invalid.
    """

    def __init__(
        self,
        config: Union[None, Mapping[str, Any], str, "os.PathLike[str]"] = None,
        **options: Any,
    ) -> None:
        unknown = sorted(set(options) - set(_OPTIONS))
        if unknown:
            raise ConfigError(
                f"unknown option {unknown[0]!r}; expected one of: {', '.join(_OPTIONS)}"
            )
        toml_text = json_text = None
        if config is None:
            pass
        elif isinstance(config, Mapping):
            json_text = json.dumps(dict(config))
        elif isinstance(config, (str, os.PathLike)):
            path = Path(config)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as e:
                raise ConfigError(f"cannot read config {str(path)!r}: {e.strerror}") from e
            if path.suffix.lower() == ".json":
                json_text = text
            else:
                toml_text = text
        else:
            raise TypeError(
                "config must be a dict, a path to a .toml or .json file, or None, "
                f"not {type(config).__name__}"
            )
        overrides = json.dumps(options) if options else None
        self._args = (toml_text, json_text, overrides)
        self._native = _native.Cleaner(*self._args)

    def __reduce__(self) -> "tuple[Any, ...]":
        # Pickled as its config, so that process pools, Spark and datatrove
        # can ship a cleaner to their workers.
        return (_rebuild, self._args)

    def clean(
        self,
        text: Union[str, bytes],
        *,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Cleaned:
        """Cleans one page. ``title`` (the page's ``<title>`` or headline) and
        ``url`` help find the article and are never required."""
        return self._native.clean(text, title, url)

    def clean_many(
        self,
        texts: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        *,
        titles: Optional[Sequence[Optional[str]]] = None,
        urls: Optional[Sequence[Optional[str]]] = None,
    ) -> "list[Cleaned]":
        """Cleans many pages in parallel, without holding the GIL, and returns
        the results in input order. ``threads`` defaults to one per core;
        ``titles`` and ``urls``, if given, hold one hint (or ``None``) per text.

        >>> [c.text for c in Cleaner().clean_many(["Share on Facebook", "The river rose by two metres overnight and the old bridge was closed before dawn."])]
        ['', 'The river rose by two metres overnight and the old bridge was closed before dawn.']
        """
        return self._native.clean_many(
            texts,
            threads,
            None if titles is None else list(titles),
            None if urls is None else list(urls),
        )


def _rebuild(
    toml_text: Optional[str], json_text: Optional[str], overrides: Optional[str]
) -> Cleaner:
    cleaner = Cleaner.__new__(Cleaner)
    cleaner._args = (toml_text, json_text, overrides)
    cleaner._native = _native.Cleaner(toml_text, json_text, overrides)
    return cleaner


_DEFAULT: Optional[Cleaner] = None
_PRESETS: "dict[str, Cleaner]" = {}


def clean(
    text: Union[str, bytes],
    *,
    preset: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> Cleaned:
    """Cleans one page with the default rules (or a ``preset``:
    ``"precision"``, ``"balanced"``, ``"recall"``).

    >>> clean("Skip to content\\nThe river rose by two metres overnight and the old bridge was closed before dawn.").text
    'The river rose by two metres overnight and the old bridge was closed before dawn.'
    """
    global _DEFAULT
    if preset is None:
        if _DEFAULT is None:
            _DEFAULT = Cleaner()
        cleaner = _DEFAULT
    else:
        if preset not in _PRESETS:
            _PRESETS[preset] = Cleaner(preset=preset)
        cleaner = _PRESETS[preset]
    return cleaner.clean(text, title=title, url=url)


def rules() -> "list[dict[str, str]]":
    """Every built-in rule: ``[{"code", "name", "family", "doc"}]``.

    >>> next(r for r in rules() if r["code"] == "SHR002")["name"]
    'share-prompt'
    """
    return json.loads(_native.rules_json())

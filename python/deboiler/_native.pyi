from typing import Any, Iterable, Optional, Union

class ConfigError(ValueError):
    """An invalid config: the message names the field and what is expected."""

class Error(Exception):
    """An internal error of the cleaner."""

class Decision:
    """One input line's decision."""

    line: int
    start: int
    end: int
    kept: bool
    blank: bool
    title: bool
    code: str
    name: str
    family: str
    reason: str
    score: float
    text: str
    def to_dict(self) -> dict[str, Any]: ...

class Cleaned:
    """The result of cleaning one page."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def rendered(self) -> str: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def decisions(self) -> list[Decision]: ...
    def removed(self) -> list[Decision]: ...
    def explain(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

class Cleaner:
    def __init__(
        self,
        config_toml: Optional[str] = None,
        config_json: Optional[str] = None,
        overrides_json: Optional[str] = None,
    ) -> None: ...
    def clean(
        self, text: Union[str, bytes], title: Optional[str] = None, url: Optional[str] = None
    ) -> Cleaned: ...
    def clean_many(
        self,
        texts: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        titles: Optional[list[Optional[str]]] = None,
        urls: Optional[list[Optional[str]]] = None,
    ) -> list[Cleaned]: ...

def rules_json() -> str: ...

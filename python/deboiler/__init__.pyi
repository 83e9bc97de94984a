import os
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from ._native import Cleaned as Cleaned
from ._native import ConfigError as ConfigError
from ._native import Decision as Decision
from ._native import Error as Error

__all__ = ["Cleaned", "Cleaner", "ConfigError", "Decision", "Error", "clean", "rules"]

class Cleaner:
    def __init__(
        self,
        config: Union[None, Mapping[str, Any], str, os.PathLike[str]] = None,
        *,
        preset: Optional[str] = ...,
        disable: Optional[list[str]] = ...,
        enable: Optional[list[str]] = ...,
        rules: Optional[list[Mapping[str, Any]]] = ...,
        packs: Optional[list[str]] = ...,
        keep_markup: Optional[bool] = ...,
    ) -> None: ...
    def clean(
        self, text: Union[str, bytes], *, title: Optional[str] = None, url: Optional[str] = None
    ) -> Cleaned: ...
    def clean_many(
        self,
        texts: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        *,
        titles: Optional[Sequence[Optional[str]]] = None,
        urls: Optional[Sequence[Optional[str]]] = None,
    ) -> list[Cleaned]: ...

def clean(
    text: Union[str, bytes],
    *,
    preset: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> Cleaned: ...
def rules() -> list[dict[str, str]]: ...

"""deboiler as a datatrove pipeline step (``pip install "deboiler[datatrove]"``).

>>> from datatrove.pipeline.readers import JsonlReader            # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter            # doctest: +SKIP
>>> from deboiler.datatrove import Deboiler                       # doctest: +SKIP
>>> pipeline = [JsonlReader("in/"), Deboiler(preset="balanced"), JsonlWriter("out/")]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from . import Cleaner


class Deboiler(BaseFormatter):
    """Replaces each document's text with its article.

    Puts the headline in ``doc.metadata["title"]`` (when one is found and the
    document has no title yet) and a short summary in
    ``doc.metadata["deboiler"]``: lines kept and removed, and removed lines
    per family. Counts ``lines_kept``, ``lines_removed`` and
    ``removed_<family>`` in the step's stats. ``config`` and ``options`` are
    those of :class:`deboiler.Cleaner`. With ``drop_empty=True`` documents
    left without text are dropped (and counted as ``dropped_empty``).
    """

    name = "🧹 deboiler"

    def __init__(
        self,
        config: Union[None, Mapping[str, Any], str] = None,
        drop_empty: bool = False,
        **options: Any,
    ) -> None:
        super().__init__()
        self.cleaner = Cleaner(config, **options)
        self.drop_empty = drop_empty

    def format(self, text: str) -> str:
        return self.cleaner.clean(text).text

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                title: Optional[str] = doc.metadata.get("title") if doc.metadata else None
                url = doc.metadata.get("url") if doc.metadata else None
                cleaned = self.cleaner.clean(
                    doc.text,
                    title=title if isinstance(title, str) else None,
                    url=url if isinstance(url, str) else None,
                )
                summary = cleaned.summary
                doc.text = cleaned.text
                if cleaned.title and not title:
                    doc.metadata["title"] = cleaned.title
                doc.metadata["deboiler"] = {
                    "lines_kept": summary["lines_kept"],
                    "lines_removed": summary["lines_removed"],
                    "removed_by_family": summary["removed_by_family"],
                }
            self.stat_update("lines_kept", value=summary["lines_kept"])
            self.stat_update("lines_removed", value=summary["lines_removed"])
            for family, n in summary["removed_by_family"].items():
                self.stat_update(f"removed_{family}", value=n)
            if self.drop_empty and not doc.text:
                self.stat_update("dropped_empty")
                continue
            yield doc

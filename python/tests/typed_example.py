"""A small typed program against the package's stubs (checked by mypy --strict)."""

from typing import Optional

import deboiler


def article(page: str, title: Optional[str] = None) -> str:
    cleaned: deboiler.Cleaned = deboiler.clean(page, title=title)
    reasons: list[str] = [f"{d.line} {d.code} {d.reason}" for d in cleaned.removed()]
    kept: int = sum(1 for d in cleaned.decisions if d.kept)
    heading: Optional[str] = cleaned.title
    return f"{heading}\n{cleaned.text}\n{len(reasons)} removed, {kept} kept"


def many(pages: list[str]) -> list[str]:
    cleaner = deboiler.Cleaner(preset="recall", disable=["share"])
    return [c.text for c in cleaner.clean_many(pages, threads=2)]


if __name__ == "__main__":
    print(article("Share on Facebook\nThe river rose by two metres overnight."))
    print(many(["a", "b"]))

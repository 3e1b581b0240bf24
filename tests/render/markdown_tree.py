"""Rendered Markdown read back with a real parser (markdown-it-py, CommonMark + GFM tables
and strikethrough): its tables as cell texts, its headings, and anything that should
never appear (a block or inline element that record text would have made)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# What collab writes itself: headings, paragraphs (a line saying a table is empty) and tables.
BLOCKS = {
    "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
    "table_open", "table_close", "thead_open", "thead_close", "tbody_open", "tbody_close",
    "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close",
}


@dataclass
class Tree:
    tables: list[list[list[str]]] = field(default_factory=list)  # table → row → cell text
    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    strays: list[str] = field(default_factory=list)  # what record text must never make
    links: list[str] = field(default_factory=list)  # hrefs

    def form(self, label: str) -> list[str]:
        """The content cells of every two-column row whose label is `label`."""
        return [row[1] for table in self.tables for row in table if row and row[0] == label]

    def column(self, header: str) -> list[str]:
        """Every body cell under `header`, in every table that has that column."""
        out = []
        for table in self.tables:
            if header in table[0]:
                at = table[0].index(header)
                out += [row[at] for row in table[1:]]
        return out


def parse(markdown: str) -> Tree:
    tree = Tree()
    tokens = PARSER.parse(markdown)
    row: list[str] | None = None
    where = ""
    for token in tokens:
        if token.type not in BLOCKS:
            tree.strays.append(token.type)
        if token.type == "table_open":
            tree.tables.append([])
        elif token.type == "tr_open":
            row = []
            tree.tables[-1].append(row)
        elif token.type in ("heading_open", "paragraph_open", "th_open", "td_open"):
            where = token.type
        elif token.type == "inline":
            text = inline_text(token, tree)
            if where == "heading_open":
                tree.headings.append(text)
            elif where == "paragraph_open":
                tree.paragraphs.append(text)
            elif row is not None:
                row.append(text)
    return tree


def inline_text(token: Token, tree: Tree) -> str:
    """The text of an inline token: `<br>` is a line break; collab's own links keep their
    text; anything else (emphasis, code, HTML, images) is a stray."""
    out = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type == "html_inline" and child.content == "<br>":
            out.append("\n")
        elif child.type == "link_open":
            tree.links.append(str(child.attrs.get("href")))
        elif child.type != "link_close":
            tree.strays.append(f"{child.type}:{child.content}")
    return "".join(out)

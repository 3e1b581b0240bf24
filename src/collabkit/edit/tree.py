"""Walking and changing a ruamel round-trip tree without disturbing what is around the change.

Paths are resolved by the one resolver (`models.paths`); a new key goes where the kind's
model puts it (after the nearest field that precedes it), a new list item in block style,
and comment lines that belong to what follows stay in front of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from collabkit.errors import EditRefused
from collabkit.i18n import msg
from collabkit.models import MODELS, ItemNaming
from collabkit.models.paths import item_index, parse_path

Segments = tuple[str | int, ...]


def resolve(tree: Any, dotted: str) -> tuple[Any, str | int]:
    """The container and key that `a.b`, `actions.A2.due`, `proposals.V1.2.feedback_at`
    or `progress.0.note` names (see `models.paths`). Every part but the last must exist,
    except mappings on the way, which are created (`receiver.lead` with no receiver)."""
    container, key, _ = resolve_path(tree, dotted)
    return container, key


def resolve_path(tree: Any, dotted: str) -> tuple[Any, str | int, Segments]:
    """`resolve`, with the segments the path was read as (item names become indexes)."""
    segments = path_segments(tree, dotted)
    container = tree
    for depth, segment in enumerate(segments[:-1]):
        child = _child(container, segment)
        if child is None:
            following = segments[depth + 1]
            if (
                isinstance(container, dict)
                and isinstance(segment, str)
                and isinstance(following, str)
            ):
                from ruamel.yaml.comments import CommentedMap

                child = CommentedMap()
                put(container, segment, child, order_of(tree, segments[:depth]))
            else:
                raise EditRefused(msg("edit.no_path", path=_shown(segments[: depth + 1])))
        container = child
    last = segments[-1]
    if isinstance(container, list):
        if not isinstance(last, int):
            raise EditRefused(msg("edit.no_item_in", item=last, path=_shown(segments[:-1])))
        return container, last, segments
    if not isinstance(container, dict):
        raise EditRefused(msg("edit.not_mapping", path=_shown(segments[:-1])))
    return container, last, segments


def path_segments(tree: Any, dotted: str) -> Segments:
    """`dotted` read against the tree, with the registry's item names of its kind."""
    kind = tree.get("kind") if isinstance(tree, dict) else None
    lists = MODELS[kind].ITEM_LISTS if kind in MODELS else {}
    return parse_path(tree, dotted, lists)


def order_of(tree: Any, segments: Sequence[str | int]) -> tuple[str, ...]:
    """The model's field order of the mapping at `segments` (empty when not known)."""
    from collabkit.edit.fields import field_order, model_at

    kind = tree.get("kind") if isinstance(tree, dict) else None
    return field_order(model_at(str(kind), tuple(segments))) if kind in MODELS else ()


def _child(container: Any, segment: str | int) -> Any:
    if isinstance(container, dict) and isinstance(segment, str):
        return container.get(segment)
    if isinstance(container, list) and isinstance(segment, int):
        return container[segment]
    return None


def _shown(segments: Sequence[str | int]) -> str:
    return ".".join(str(s) for s in segments)


def find_item(
    tree: Any, name: str, lists: Sequence[str], namings: dict[str, ItemNaming] | None = None
) -> tuple[str, int, Any]:
    """(list name, index, item) of the item called `name` (A2, P1, V1.2, C1) in `lists`."""
    namings = namings if namings is not None else _namings(tree)
    for list_name in lists:
        items = tree.get(list_name) or []
        naming = namings.get(list_name, ItemNaming("#"))
        index = item_index(items, name, naming) if isinstance(items, list) else None
        if index is not None:
            return list_name, index, items[index]
    raise EditRefused(msg("edit.no_item", item=name, lists=" / ".join(lists)))


def _namings(tree: Any) -> dict[str, ItemNaming]:
    kind = tree.get("kind") if isinstance(tree, dict) else None
    return dict(MODELS[kind].ITEM_LISTS) if kind in MODELS else {}


def put(mapping: Any, key: Any, value: Any, order: Sequence[str] = ()) -> None:
    """Set a key; a new one goes after the nearest key that precedes it in `order` (the
    model's field order), or at the end."""
    if isinstance(mapping, list) or key in mapping:
        mapping[key] = value  # a list's key is an index
        if not isinstance(mapping, list):
            _keep_comment_apart(mapping, key, value)
        return
    key = str(key)
    anchor: str | None = None
    if key in order:
        earlier = order[: order.index(key)]
        present = [k for k in mapping if k in earlier]
        anchor = max(present, key=earlier.index) if present else None
        later = [k for k in mapping if k in order[order.index(key) + 1 :]]
        if anchor is None and later:  # nothing precedes it: it goes first
            mapping.insert(list(mapping).index(min(later, key=order.index)), key, value)
            return
    insert_key(mapping, key, value, after=anchor)


def _keep_comment_apart(mapping: Any, key: str, value: Any) -> None:
    """A comment after a value that grew keeps two spaces from it (`title: Q4 拉新  # 名称`),
    as a person would write it, rather than the one ruamel leaves."""
    comments = mapping.ca.items.get(key)
    token = comments[2] if comments and len(comments) > 2 else None
    if token is None or not token.value.startswith("#") or _flow(mapping):
        return
    if isinstance(value, dict | list) or not mapping.lc.data or key not in mapping.lc.data:
        return
    from collabkit.io.scalars import plain_safe

    text = str(value) if value is not None else ""
    quoted = type(value).__name__.endswith("QuotedScalarString") or (
        isinstance(value, str) and not plain_safe(value)
    )
    end = mapping.lc.key(key)[1] + len(key) + 2 + len(text) + (2 if quoted else 0)
    if token.start_mark.column < end + 2:
        token.start_mark.column = end + 2


def set_key(mapping: Any, key: str | int, value: Any, *, after: str | None = None) -> None:
    """Set a key; a new key goes after `after` when given and present, else at the end."""
    if isinstance(mapping, list):
        mapping[key] = value  # type: ignore[index]
    elif key in mapping:
        mapping[key] = value
    else:
        insert_key(mapping, str(key), value, after=after)


def insert_key(mapping: Any, key: str, value: Any, *, after: str | None = None) -> None:
    """Add a key without pulling comments out of place.

    ruamel keeps the comment lines that follow a key's value on that key; a key inserted
    after it would land below those lines (which belong to what comes next), so they move
    to the new key.
    """
    keys = list(mapping.keys())
    anchor = after if after in mapping else (keys[-1] if keys else None)
    position = keys.index(anchor) + 1 if anchor is not None else len(keys)
    mapping.insert(position, key, value)
    if anchor is None:
        return
    comments = mapping.ca.items.get(anchor)
    if not comments or len(comments) < 3 or comments[2] is None:
        return
    token = comments[2]
    inline, _, rest = token.value.partition("\n")
    if not rest:
        return
    from ruamel.yaml.tokens import CommentToken

    if inline.strip():
        token.value = inline + "\n"
    else:
        comments[2] = None
    moved = CommentToken("\n" + rest, token.start_mark, None)
    mapping.ca.items[key] = [None, None, moved, None]


def append_item(mapping: Any, list_key: str, item: Any, order: Sequence[str] = ()) -> int:
    """Append `item` to the list at `list_key` (made when missing) and return its index.

    An empty list (`actions: []  # …`) turns into a block list with its comment kept; a
    list already in flow style (`attendees: [张伟, 李娜]`) keeps its style. Comment lines
    after the former last item that belong to what follows the list stay after the list.
    """
    from ruamel.yaml.comments import CommentedSeq

    items = mapping.get(list_key)
    if items is not None and not isinstance(items, list):  # never lose what is there
        raise EditRefused(msg("edit.not_a_list", path=list_key))
    if items is None:
        items = CommentedSeq()
        put(mapping, list_key, items, order)
    if not items:
        _to_block(mapping, list_key, items)
    items.append(item)
    if len(items) > 1 and not items.fa.flow_style():
        _move_trailing_comment(items)
    return len(items) - 1


def _to_block(mapping: Any, list_key: str, items: Any) -> None:
    """`key: []  # comment` → `key:  # comment` followed by block items."""
    items.fa.set_block_style()
    comments = mapping.ca.items.get(list_key)
    token = comments[2] if comments and len(comments) > 2 else None
    if token is not None:
        token.start_mark.column = len(str(list_key)) + 3  # `key:  # comment`


def _move_trailing_comment(items: Any) -> None:
    """Comment lines after the former last item, from the first one as indented as the
    dashes or less (or a blank line), belong to what follows the list: they move behind the
    new last item."""
    from ruamel.yaml.tokens import CommentToken

    holder, key, slot = _last_slot(items, len(items) - 2)
    entry = holder.ca.items.get(key)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is None or not items.lc.data:
        return
    dash = max(items.lc.item(len(items) - 2)[1] - 2, 0)
    head, *lines = token.value.split("\n")
    body = lines[:-1] if lines and lines[-1] == "" else lines
    cut = next((i for i, line in enumerate(body) if _indent(line) <= dash), len(body))
    keep, move = body[:cut], body[cut:]
    if not move:
        return
    if head or keep:
        token.value = "\n".join([head, *keep]) + "\n"
    else:
        entry[slot] = None
    moved = CommentToken("\n" + "\n".join(move) + "\n", token.start_mark, None)
    new_holder, new_key, new_slot = _last_slot(items, len(items) - 1)
    new_entry: list[Any] = [None, None, None, None]
    new_entry[new_slot] = moved
    new_holder.ca.items[new_key] = new_entry


def _last_slot(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment lines after `container[key]`: (holder, key, slot)."""
    value: Any = container[key]
    if isinstance(value, dict | list) and value and not _flow(value):
        return _last_slot(value, list(value)[-1] if isinstance(value, dict) else len(value) - 1)
    return container, key, 0 if isinstance(container, list) else 2


def _flow(node: Any) -> bool:
    return bool(node.fa.flow_style())


def _indent(line: str) -> int:
    """Columns before the text of `line`; a blank line counts as not indented."""
    return len(line) - len(line.lstrip()) if line.strip() else 0

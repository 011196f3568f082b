"""The navigator: a lazy tree of the chart grouped by kind (see :mod:`..core.groups`)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...textfmt import printable
from ..core import groups
from ..core.groups import Node
from ..core.session import Session
from ..messages import ActionRequested, Target


class Navigator(Tree[Node]):
    """Groups by kind; a group lists its children only when opened, so big charts open fast."""

    BORDER_TITLE = "Chart"
    BINDINGS = [Binding("shift+up", "shift(-1)", "Step up", show=False),
                Binding("shift+down", "shift(1)", "Step down", show=False)]

    def __init__(self, **kwargs) -> None:
        super().__init__("chart", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self.session: Session | None = None
        self.people_by = "team"

    def load(self, session: Session) -> None:
        self.session = session
        self.rebuild()

    def rebuild(self) -> None:
        """Rebuild after an edit, keeping open groups open and the cursor where it was."""
        if self.session is None:
            return
        opened = self._open_keys(self.root)
        current = self.cursor_node.data if self.cursor_node and self.cursor_node.data else None
        self.clear()
        for node in groups.roots(self.session.chart):
            self._add(self.root, node)
        self._reopen(self.root, opened)
        if current is not None:
            found = self._find_deep(self.root, current.kind, current.key)
            if found is not None:
                self._move(found)

    def _move(self, node: TreeNode[Node]) -> None:
        """Move the cursor; line numbers are computed lazily, so make the tree lay out its lines first."""
        _ = self.last_line
        self.move_cursor(node)

    def _find_deep(self, node: TreeNode[Node], kind: str, key: str) -> TreeNode[Node] | None:
        for child in node.children:
            if child.data is not None and child.data.kind == kind and child.data.key == key:
                return child
            if child.is_expanded:
                found = self._find_deep(child, kind, key)
                if found is not None:
                    return found
        return None

    def _open_keys(self, node: TreeNode[Node]) -> set[tuple[str, str]]:
        keys = set()
        for child in node.children:
            if child.is_expanded and child.data is not None:
                keys.add((child.data.kind, child.data.key))
                keys |= self._open_keys(child)
        return keys

    def _reopen(self, node: TreeNode[Node], opened: set[tuple[str, str]]) -> None:
        for child in list(node.children):
            if child.data is not None and (child.data.kind, child.data.key) in opened:
                self._expand(child)
                self._reopen(child, opened)

    def _add(self, parent: TreeNode[Node], node: Node) -> TreeNode[Node]:
        label = Text(printable(node.label), style="bold" if node.kind in ("group", "chart") else "")
        if node.kind == "element" and node.detail and node.detail != node.label:
            label.append(f"  {printable(node.detail)}", style="dim")
        if node.expandable:
            return parent.add(label, data=node)
        return parent.add_leaf(label, data=node)

    def _expand(self, tree_node: TreeNode[Node]) -> None:
        """Fill a group (lazily) and open it; a group left empty stays closed.

        Opening an empty node posts ``NodeExpanded`` again, whose handler would
        fill and open it again, forever: that was the editor hanging at 100% CPU
        after the last element of a section was deleted.
        """
        if tree_node.data is None or self.session is None:
            return
        if not tree_node.children:
            for child in groups.children(self.session.chart, tree_node.data, self.people_by):
                self._add(tree_node, child)
        if tree_node.children:
            if not tree_node.is_expanded:
                tree_node.expand()
        else:
            tree_node.allow_expand = False
            tree_node.collapse()

    def action_shift(self, delta: int) -> None:
        """On a workflow step: move it (the app's ``move_step``); elsewhere the tree's sibling jump."""
        node = self.cursor_node
        where = self.session.where.get(node.data.key) if self.session and node and node.data else None
        if where is not None and node.data.kind == "element" and where.element.KIND == "step":
            self.post_message(ActionRequested(f"move_step({delta})"))
        elif delta < 0:
            self.action_cursor_previous_sibling()
        else:
            self.action_cursor_next_sibling()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Node]) -> None:
        if not event.node.children:
            self._expand(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        data = event.node.data
        if data is None:
            return
        if data.kind == "element":
            self.post_message(Target(data.key))
        elif data.kind == "chart":
            self.post_message(Target("chart"))
        elif data.kind == "answer":
            self.post_message(Target(f"answer:{data.key}"))

    def _find(self, node: TreeNode[Node], kind: str, key: str) -> TreeNode[Node] | None:
        for child in node.children:
            if child.data is not None and child.data.kind == kind and child.data.key == key:
                return child
        return None

    def reveal(self, ident: str) -> bool:
        """Open the groups leading to ``ident`` (an element id, ``chart`` or ``answer:KEY``) and select it."""
        if self.session is None:
            return False
        path = self._path(ident)
        node: TreeNode[Node] | None = self.root
        for kind, key in path:
            child = self._find(node, kind, key) if node else None
            if child is None:
                return False
            if child is not None and (kind, key) != path[-1]:
                self._expand(child)
            node = child
        if node is not None and node is not self.root:
            self._move(node)
            self.scroll_to_node(node)
            return True
        return False

    def _path(self, ident: str) -> list[tuple[str, str]]:
        if ident == "chart":
            return [("chart", "chart")]
        if ident.startswith("answer:"):
            return [("group", "answers"), ("answer", ident[7:])]
        where = self.session.where.get(ident)
        if where is None:
            return []
        top = where.parent or where.element
        path = [("group", where.section)] + self._subgroups(top) + [("element", top.id)]
        if where.parent is not None:
            path.append(("element", ident))
        return path

    def _subgroups(self, element) -> list[tuple[str, str]]:
        kind = element.KIND
        if kind == "capability":
            return [("group", f"area:{element.area}")]
        if kind == "org":
            return [("group", f"orgkind:{element.kind}")]
        if kind == "person" and self.people_by == "team":
            return [("group", f"team:{element.team or ''}")]
        chain, field, prefix = [], {"person": "reports_to", "team": "parent"}.get(kind), None
        if field is None:
            return []
        prefix = "reports" if kind == "person" else "subteams"
        seen, current = set(), getattr(element, field)
        while current and current not in seen:
            seen.add(current)
            chain.append(("group", f"{prefix}:{current}"))
            parent = self.session.get(current)
            current = getattr(parent, field, None) if parent else None
        return list(reversed(chain))

"""The help screen (? or F1): what the editor is for and every key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# planner edit

Model how the marketing operation gets work done: people, teams, vendors and other
organizations, systems, data sources, capabilities with their accountable person,
workflows with their hand-offs, Centers of Excellence with their SLAs, and the
self-assessment answers the maturity models read.

**Layout.** Top left: the chart by kind (open a group with Enter or a click; people by team,
or by reporting line with `t`). Under it, the Live panel: problems of the chart, and for the
chosen maturity model the level reached and the top gaps of the next level, updated after
each edit. Right, growing with the terminal: the fields of the selected element; the help
of the focused field shows at the bottom.

**Editing.** Type in a field and press Enter or Tab: a value the chart cannot hold
is refused with the reason and nothing changes. Until then the chart keeps its value:
Escape puts it back and returns to the navigator, where the letter keys below are
shortcuts again (in a field they are text; `ctrl+n`, `ctrl+f` and `f1` work everywhere).
References are picked from a list you filter by typing; `+` links one more, `-` unlinks
one, `x` clears. Renaming an id renames every reference to it. Deleting shows the references that would break: unlink them or
reassign them to another element.

**The chart itself.** `f5` shows the capability-resource matrix: capabilities down, people,
teams, organizations, systems and data across; `a r c i` set or clear a role in the cell
(a new A asks before moving it), `u` a system or data source used, space clears, `f`
filters (area, team, kinds, rows with maturity gaps), `z` folds a column group. `f6` shows
the org tree: `x` cuts a person (with everyone under them), `p` pastes under the manager or
team at the cursor, `m` moves through a list. `f7` shows a workflow as lanes: `K`/`J` (or
shift+up/down) move a step, `b`/`t` change its performer/receiver, `n` adds a step after it.
Edits there are the forms' edits (undo, save); `e` or Escape goes back to the forms.

| Key | Action |
|---|---|
| `a` / `ctrl+n` | add an element (of the selected kind) |
| `ctrl+d` | duplicate the selected element |
| `shift+up` / `shift+down` (or `K` / `J`) | move the selected workflow step up / down |
| `escape` | leave a field (its value back) for the navigator |
| `delete` | delete the selected element (shows what it would break) |
| `ctrl+z` / `ctrl+y` | undo / redo any edit |
| `/` / `ctrl+f` | search every element by id or name |
| `ctrl+s` | save (only what you edited is rewritten; comments stay) |
| `ctrl+p` | command palette: every action by name |
| `t` | people by team / by reporting line |
| `f2` / `f3` / `f4` | run the assessment / preview the roadmap / export a diagram |
| `f5` / `f6` / `f7` | capability-resource matrix / org tree / workflow lanes (again: back) |
| `tab` / `shift+tab` | move between panes and fields |
| `?` / `f1` | this help |
| `ctrl+q` | quit (asks when there are unsaved changes) |

**No lost work.** A recovery file is written a moment after each edit and offered the next
time you open the chart if the editor did not close cleanly. If the file was changed by
another program since you opened it, saving asks before overwriting.

Press Escape to close.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Markdown(HELP)

"""The transfers view's diagram stays drawable as the register grows: an arrow per pair of
agencies, with its count of transfers, the largest pairs only, and a sentence saying what was
left to the table. At 10,000 documents an arrow per transfer was 3,279 arrows and 259 KB of
diagram, which Mermaid refuses to draw (over 500 arrows or 50,000 characters)."""
from __future__ import annotations

import dataclasses
import html
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from generator.core.read.load import load_register
from generator.core.render import views
from generator.core.render.context import Context
from generator.core.render.labels import Labels
from generator.core.render.views import DIAGRAM_ARROWS, render_transfers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402

ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>")
CELL = re.compile(r"<td\b[^>]*>(.*?)</td>")
LINK_TEXT = re.compile(r"^<a href=\"[^\"]*\">(.+?)</a>")


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> Context:
    root = tmp_path_factory.mktemp("register")
    synthetic.generate(root, 500, seed=4, site=False)
    register, diagnostics = load_register(root)
    assert diagnostics == []
    return Context.build(register, Labels("vi"), date(2026, 11, 22))


@pytest.fixture(scope="module")
def page(context) -> str:
    return render_transfers(context)


def _table_rows(page: str) -> list[tuple[str, str, str]]:
    """(from, to, task) of every row of the transfers table, as the reader sees them."""
    rows = []
    for row in ROW.findall(page[:page.index('id="so-do"')]):
        cells = CELL.findall(row)
        if len(cells) == 5:  # not the header's
            rows.append(tuple(html.unescape(LINK_TEXT.match(cells[i]).group(1)) for i in (2, 3, 1)))
    return rows


def _diagram(page: str) -> tuple[str, str, dict[tuple[str, str], str]]:
    """The sentence before the diagram, the diagram's text, and its arrows' labels by pair."""
    rest = page[page.index('id="so-do"'):]
    rest = re.sub(r'<span class="register-diagram-phone">.*?</span>', "", rest)  # said on a phone only
    note = html.unescape(re.sub(r"<[^>]+>", "", rest[rest.index("</h2>") + 5:rest.index("<pre")]))
    code = rest[rest.index("<code>", rest.index('<pre class="register-diagram')) + 6:]
    diagram = html.unescape(code[:code.index("</code></pre>")])
    names = dict(re.findall(r'^  (A\d+)\["(.+)"\]$', diagram, re.M))
    arrows = {(names[a], names[b]): label
              for a, label, b in re.findall(r'^  (A\d+) -->\|"(.+)"\| (A\d+)$', diagram, re.M)}
    return note.strip(), diagram, arrows


def test_the_diagram_draws_the_largest_flows_with_their_counts(page):
    rows = _table_rows(page)
    pairs = Counter((a, b) for a, b, _ in rows)
    transfers = len(rows)
    assert transfers > 3 * DIAGRAM_ARROWS and len(pairs) > DIAGRAM_ARROWS  # else nothing is tested
    note, diagram, arrows = _diagram(page)
    assert len(arrows) == DIAGRAM_ARROWS == diagram.count("-->")
    for pair, label in arrows.items():  # each arrow says what the table says of its pair
        if pairs[pair] > 1:
            assert label == f"{pairs[pair]} lần chuyển giao"
        else:  # its one task's title
            [task] = [task for a, b, task in rows if (a, b) == pair]
            assert label == task or (label.endswith("…") and task.startswith(label[:-1]))
    # no pair left out has more transfers than one drawn
    assert max(n for pair, n in pairs.items() if pair not in arrows) <= min(pairs[pair] for pair in arrows)
    assert max(pairs.values()) > 1
    assert note == (f"Sơ đồ chỉ vẽ {DIAGRAM_ARROWS} trong số {len(pairs)} cặp cơ quan có chuyển giao: "
                    "những cặp có nhiều lần chuyển giao nhất, rồi gần đây nhất. Mỗi mũi tên ghi số lần "
                    "chuyển giao, hoặc tên nhiệm vụ nếu chỉ có một lần. "
                    f"Bảng trên liệt kê đủ {transfers} lần chuyển giao.")
    assert len(diagram) < 50_000 / 10


def test_when_every_pair_fits_every_pair_is_drawn(context, page, monkeypatch):
    rows = _table_rows(page)
    pairs = Counter((a, b) for a, b, _ in rows)
    monkeypatch.setattr(views, "DIAGRAM_ARROWS", len(pairs))  # more transfers than that, as many pairs
    note, _, arrows = _diagram(render_transfers(context))
    assert set(arrows) == set(pairs)
    assert all(label == f"{pairs[pair]} lần chuyển giao" for pair, label in arrows.items() if pairs[pair] > 1)
    assert note == ("Mỗi mũi tên là một cặp cơ quan: số lần chuyển giao giữa hai cơ quan, hoặc tên nhiệm "
                    f"vụ nếu chỉ có một lần. Bảng trên liệt kê đủ {len(rows)} lần chuyển giao.")


def test_counts_are_written_as_readers_write_them():
    assert Labels("vi").number(3279) == "3.279" and Labels("en").number(3279) == "3,279"
    assert Labels("vi").count(1799, "transfers_n") == "1.799 lần chuyển giao"


def test_a_long_title_is_cut_before_its_quotes_are_escaped(context, monkeypatch):
    """Mermaid writes `"` as `#quot;`: a title cut after escaping could end in `#q…`."""
    register = context.register

    def pair(step) -> tuple[str, str]:
        return register.agencies[step.action.from_].name, register.agencies[step.action.to].name

    shown = _diagram(render_transfers(context))[2]
    transfers = [s for record in register.derived.custody.tasks.values() for s in record.steps
                 if s.action.kind == "transfer"]
    one = next(s for s in transfers if pair(s) in shown and not shown[pair(s)][0].isdigit())  # titled
    title = 'Xây dựng hệ thống thông tin báo cáo của "Chính phủ" và các bộ, ngành, địa phương'
    monkeypatch.setitem(register.tasks, one.action.task,
                        dataclasses.replace(register.tasks[one.action.task], title=title))
    label = _diagram(render_transfers(context))[2][pair(one)]
    assert label == "Xây dựng hệ thống thông tin báo cáo của #quot;Chính phủ#quot; và cá…"
    assert re.sub(r"#(quot|lt|gt|35);", "", label).count("#") == 0

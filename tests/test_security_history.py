"""The editorial history cannot be hidden or forged by a commit: authors and subjects holding
the separators git's output is cut at, escape sequences or a forged date; a .mailmap a pull
request adds; a commit dated in a year no calendar holds. Every commit stays listed, with its
own date, author and subject shown visibly, and the feed stays valid XML. Real repositories,
with commits written afresh for this file."""
from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, page_text
from generator.core.read.provenance import read_history
from generator.faces.cli import main as register_main

SMALL = ROOT / "tests/fixtures/small/decisions"
RECORD = "decisions/2021/1-tb-ba.md"
ATOM = "{http://www.w3.org/2005/Atom}"

# (author, subject, committer date): each a way to cut, shift or colour what git prints
HOSTILE = [
    ("Lê Văn\x1fMạo\x1f1000000000", "Sửa người ký\x1f1\x1fTiêu đề giả", "2022-01-03T10:00:00+07:00"),
    ("Phạm\x1eThị Ẩn", "Đổi tên\x1e" + "a" * 40 + "\x1f\x1f1\x1fgiả", "2022-01-04T10:00:00+07:00"),
    ("Vô\x1b[8m hình\x1b[0m", "Sửa hạn \x1b]0;tiêu đề cửa sổ\x07 nhiệm vụ", "2022-01-05T10:00:00+07:00"),
    ("Ngô\u202eĐảo chiều", "Thêm nguồn\x0bdòng\x0cmới\x7f", "2022-01-06T10:00:00+07:00"),
]
FAR_FUTURE = "299999999999 +0700"  # the year 11476: git fsck --strict takes it


def git(root: Path, *args: str, name: str = "Biên tập viên", when: str = "2022-01-01T09:00:00+07:00") -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": "bt@example.org", "GIT_AUTHOR_DATE": when,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": "bt@example.org", "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def touch(root: Path, n: int) -> None:
    record = root / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace(
        "{kind: official, title: Cổng thông tin Bộ A", f"{{kind: official, title: Cổng thông tin Bộ A {n}", 1)
        if n == 0 else record.read_text(encoding="utf-8").replace(f"Bộ A {n - 1}", f"Bộ A {n}", 1),
        encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("history") / "register"
    root.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    shutil.copytree(SMALL, root / "decisions")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Thêm sổ đăng ký", name="Người sáng lập")
    for n, (author, subject, when) in enumerate(HOSTILE):
        touch(root, n)
        git(root, "commit", "-qam", subject, name=author, when=when)
    touch(root, len(HOSTILE))  # `git commit` refuses such a date: the object is written by hand
    git(root, "add", "-A")
    tree, parent = git(root, "write-tree"), git(root, "rev-parse", "HEAD")
    ident = f"Tương Lai <tl@example.org> {FAR_FUTURE}"
    body = f"tree {tree}\nparent {parent}\nauthor {ident}\ncommitter {ident}\n\nSửa ngày ban hành\n"
    made = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=root, input=body,
                          capture_output=True, text=True, check=True).stdout.strip()
    git(root, "update-ref", "HEAD", made)
    assert subprocess.run(["git", "fsck", "--strict"], cwd=root, capture_output=True).returncode == 0
    # a pull request's .mailmap: every earlier commit of the founder would be someone else's
    (root / ".mailmap").write_text("Kẻ Mạo Danh <bt@example.org>\n", encoding="utf-8")
    git(root, "add", ".mailmap")
    git(root, "commit", "-qm", "Thêm .mailmap", name="Người lạ", when="2022-01-08T10:00:00+07:00")
    return root


@pytest.fixture(scope="module")
def site(repo, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "site"
    assert register_main(["--root", str(repo), "build", "--as-of", "2022-03-01", "--site-dir", str(site)]) == 0
    return site


def test_every_commit_is_read_with_its_own_author_subject_and_time(repo):
    history = read_history(repo)
    assert history.status == "ok"
    commits = history.for_path(RECORD).commits
    assert len(commits) == 1 + len(HOSTILE) + 1  # none hidden
    by_subject = {c.subject: c for c in commits}
    assert by_subject["Sửa người ký\\x1f1\\x1fTiêu đề giả"].author == "Lê Văn\\x1fMạo\\x1f1000000000"
    assert by_subject["Sửa người ký\\x1f1\\x1fTiêu đề giả"].date.isoformat() == "2022-01-03T10:00:00+07:00"
    assert by_subject["Sửa hạn \\x1b]0;tiêu đề cửa sổ\\x07 nhiệm vụ"].author == "Vô\\x1b[8m hình\\x1b[0m"
    future = by_subject["Sửa ngày ban hành"]
    assert future.date is None and future.time == 299999999999
    assert commits[-1].author == "Người sáng lập"  # the .mailmap is not read


def test_the_pages_list_every_commit_shown_as_written(site):
    text = page_text(site, "van-ban/2021/1-tb-ba")
    section = text[text.index("Lịch sử biên tập"):]
    for author, subject, _ in HOSTILE:
        shown = author.encode("unicode_escape").decode("ascii")  # \x1f, \x1b … as the page writes them
        assert "\\x" in shown
    assert "Lê Văn\\x1fMạo\\x1f1000000000" in section
    assert "Phạm\\x1eThị Ẩn" in section
    assert "Vô\\x1b[8m hình\\x1b[0m" in section
    # as git writes it (`git log --date=iso`: 11476-08-15 12:20:00 +0700)
    assert "15/08/11476 12:19 (thời điểm không có trên lịch)" in section
    assert "Người sáng lập" in section and "Kẻ Mạo Danh" not in section
    html = (site / "van-ban/2021/1-tb-ba/index.html").read_text(encoding="utf-8")
    assert "\x1b" not in html and "\x1f" not in html and "\x1e" not in html


def test_the_recent_changes_feed_is_valid_xml_and_holds_every_commit(site):
    feed = ET.parse(site / "thay-doi-gan-day.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert "Sửa người ký\\x1f1\\x1fTiêu đề giả" in titles and "Sửa ngày ban hành" in titles
    authors = [e.findtext(f"{ATOM}author/{ATOM}name") for e in feed.iter(f"{ATOM}entry")]
    assert "Người sáng lập" in authors and "Kẻ Mạo Danh" not in authors
    assert "Ngô\\u202eĐảo chiều" in authors  # an override shown, not obeyed


def test_a_maintainer_may_turn_the_mailmap_on(repo, monkeypatch):
    monkeypatch.setenv("REGISTER_MAILMAP", "1")
    commits = read_history(repo).for_path(RECORD).commits
    assert commits[-1].author == "Kẻ Mạo Danh"

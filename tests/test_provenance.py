"""Provenance: the editorial history of each record, read from git in one pass.

A temporary git repository holds a small register (the hand-made fixture, with the shipped
mkdocs.yml, content/ and theme_overrides/) and a history written on purpose: commits by two
editors, a pull request merged with "Merge pull request #7", a squash-merged "(#8)", a record
renamed to its right number, and a commit outside the register. The history is checked as read,
as shown on the built pages, on the recent-changes page and in the Atom feed; then in a shallow
clone and in a copy without git.
"""
from __future__ import annotations

import html
import logging
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, page_html, page_text
from generator.core.read.load import load_register
from generator.core.read.provenance import (
    Change, parse_log, parse_texts, pull_request_number, read_history)
from generator.core.render import render_pages
from generator.core.render.history import FEED, RECENT, history_section, render_feed
from generator.core.render.labels import Labels
from generator.faces.cli import main as register_main

SMALL = ROOT / "tests/fixtures/small/decisions"
AS_OF = "2022-03-01"
ATOM = "{http://www.w3.org/2005/Atom}"
ALICE = ("Nguyễn Thị Alice", "alice@example.org")
BOB = ("Trần Văn Bob", "bob@example.org")
BRANCH = "bob/them-5-qd-ba"


def git(root: Path, *args: str, who: tuple[str, str] = ALICE, when: str = "2021-01-01T09:00:00+07:00") -> str:
    """git, cut off from the machine's own configuration, as `who` at `when`."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_AUTHOR_DATE": when,
           "GIT_COMMITTER_NAME": who[0], "GIT_COMMITTER_EMAIL": who[1], "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(root: Path, message: str, who: tuple[str, str], when: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, who=who, when=when)
    return git(root, "rev-parse", "HEAD")


@dataclass
class Repo:
    root: Path
    c: dict[str, str]  # commit hashes by name


SUBJECTS = {
    "start": "Thêm sổ đăng ký: cơ quan, cá nhân, tổ chức và Thông báo 1/TB-BA",
    "add20": "Thêm Thông báo 20/TB-BA",
    "branch": "Thêm Quyết định 5/QĐ-BA",
    "rename": "Sửa số hiệu: 20/TB-BA là 2/TB-BA",
    "merge": f"Merge pull request #7 from {BRANCH}",
    "squash": "Ghi rõ nguồn của Thông báo 1/TB-BA (#8)",
    "code": "Cập nhật README",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repo:
    """The register's history, written commit by commit."""
    root = tmp_path_factory.mktemp("provenance") / "register"
    root.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    decisions = root / "decisions"
    (decisions / "2021").mkdir(parents=True)
    for name in ("agencies.yml", "people.yml", "bodies.yml", "2021/1-tb-ba.md"):
        shutil.copy2(SMALL / name, decisions / name)
    (root / "README.md").write_text("Sổ đăng ký thử\n", encoding="utf-8")
    git(root, "init", "-q")
    c = {"start": commit(root, SUBJECTS["start"], ALICE, "2021-03-01T09:00:00+07:00")}

    # Bob records 2/TB-BA under a wrong number first
    second = (SMALL / "2021/2-tb-ba.md").read_text(encoding="utf-8")
    (decisions / "2021/20-tb-ba.md").write_text(second.replace("number: 2/TB-BA", "number: 20/TB-BA"),
                                                 encoding="utf-8")
    c["add20"] = commit(root, SUBJECTS["add20"], BOB, "2021-05-10T14:30:00+07:00")

    # Bob's pull request: 5/QĐ-BA on a branch
    git(root, "checkout", "-q", "-b", BRANCH)
    (decisions / "2022").mkdir()
    shutil.copy2(SMALL / "2022/5-qd-ba.md", decisions / "2022/5-qd-ba.md")
    c["branch"] = commit(root, SUBJECTS["branch"], BOB, "2022-01-15T10:00:00+07:00")

    # meanwhile on main, Alice renames the record to its right number
    git(root, "checkout", "-q", "main")
    git(root, "mv", "decisions/2021/20-tb-ba.md", "decisions/2021/2-tb-ba.md")
    (decisions / "2021/2-tb-ba.md").write_text(second, encoding="utf-8")
    c["rename"] = commit(root, SUBJECTS["rename"], ALICE, "2022-01-16T08:15:00+07:00")

    # Alice merges the pull request
    git(root, "merge", "-q", "--no-ff", BRANCH, "-m", SUBJECTS["merge"], who=ALICE,
        when="2022-01-17T16:45:00+07:00")
    c["merge"] = git(root, "rev-parse", "HEAD")
    git(root, "branch", "-q", "-D", BRANCH)

    # a squash-merged pull request by Bob, then a commit outside the register
    first = decisions / "2021/1-tb-ba.md"
    first.write_text(first.read_text(encoding="utf-8").replace(
        "{kind: official, title: Cổng thông tin Bộ A}", "{kind: official, title: Cổng thông tin điện tử Bộ A}"),
        encoding="utf-8")
    c["squash"] = commit(root, SUBJECTS["squash"], BOB, "2022-02-01T11:00:00+07:00")
    (root / "README.md").write_text("Sổ đăng ký thử, có lịch sử\n", encoding="utf-8")
    c["code"] = commit(root, SUBJECTS["code"], ALICE, "2022-02-02T09:00:00+07:00")
    return Repo(root, c)


def build(root: Path, site: Path, *extra: str) -> Path:
    code = register_main(["--root", str(root), "build", "--as-of", AS_OF, "--site-dir", str(site), *extra])
    assert code == 0, "register build failed"
    return site


@pytest.fixture(scope="module")
def site(repo, tmp_path_factory) -> Path:
    return build(repo.root, tmp_path_factory.mktemp("site") / "site")


# --- the history as read ----------------------------------------------------------------------

def test_pull_request_numbers_come_from_the_subject():
    assert pull_request_number("Ghi rõ nguồn (#8)") == 8
    assert pull_request_number("Merge pull request #123 from a/b") == 123
    assert pull_request_number("Sửa lỗi #12 trong văn bản") is None
    assert pull_request_number("(#12) ở đầu dòng") is None
    assert pull_request_number("Merge branch 'main'") is None


def test_history_is_read_in_one_pass_of_structure_and_one_of_words(repo, monkeypatch):
    import git as gitpython
    calls = []
    real = gitpython.cmd.Git.execute

    def spy(self, command, *args, **kwargs):
        calls.append(list(command))
        return real(self, command, *args, **kwargs)

    monkeypatch.setattr(gitpython.cmd.Git, "execute", spy)
    history = read_history(repo.root)
    assert history.status == "ok"
    logs = [c for c in calls if "log" in c]
    # the structure (hashes, parents, times, files) and the words (authors, subjects), each
    # read once for the whole register, never a log per file; .mailmap is not read
    assert len(logs) == 2 and "--name-status" in logs[0] and "-M" in logs[0]
    assert all("--no-mailmap" in log for log in logs)
    assert len(calls) <= 4  # the two logs, and whether the clone is shallow


def test_a_record_history_follows_its_rename(repo):
    history = read_history(repo.root)
    record = history.for_path("decisions/2021/2-tb-ba.md")
    assert [c.hash for c in record.commits] == [repo.c["rename"], repo.c["add20"]]
    assert record.former_paths == ("decisions/2021/20-tb-ba.md",)
    assert record.complete
    assert record.added.author == BOB[0] and record.added.subject == SUBJECTS["add20"]
    assert record.last_changed.author == ALICE[0]
    assert record.commits[0].short == repo.c["rename"][:7]


def test_a_merged_pull_request_is_credited(repo):
    history = read_history(repo.root)
    record = history.for_path("decisions/2022/5-qd-ba.md")
    merge, branch = record.commits
    assert (merge.hash, branch.hash) == (repo.c["merge"], repo.c["branch"])
    assert merge.is_merge and merge.pr == 7 and merge.author == ALICE[0]
    assert branch.pr is None and branch.via_pr == 7 and branch.pull_request == 7
    assert branch.merged_in == repo.c["merge"]
    assert record.added.author == BOB[0] and record.last_changed.pull_request == 7


def test_dates_are_aware_and_in_vietnam_time(repo):
    record = read_history(repo.root).for_path("decisions/2021/2-tb-ba.md")
    added = record.added.date
    assert added.utcoffset() == timedelta(hours=7)
    assert added == datetime.fromisoformat("2021-05-10T14:30:00+07:00")


def test_a_squash_merge_and_the_first_commit(repo):
    record = read_history(repo.root).for_path("decisions/2021/1-tb-ba.md")
    assert [c.hash for c in record.commits] == [repo.c["squash"], repo.c["start"]]
    assert record.last_changed.pr == 8 and record.added.author == ALICE[0]


def test_an_uncommitted_or_unknown_file_has_no_history(repo):
    history = read_history(repo.root)
    assert history.for_path("decisions/2023/9-tb-ba.md") is None
    assert history.for_path("README.md") is None  # outside decisions/ and content/


def test_recent_changes_are_the_mainline_newest_first(repo):
    recent = read_history(repo.root).recent(10)
    assert [c.hash for c in recent] == [repo.c[k] for k in ("squash", "merge", "rename", "add20", "start")]
    merge = recent[1]
    assert merge.changes == (Change("A", "decisions/2022/5-qd-ba.md"),)  # what the branch brought
    assert recent[2].changes == (Change("R", "decisions/2021/2-tb-ba.md", "decisions/2021/20-tb-ba.md"),)
    assert read_history(repo.root).recent(2) == recent[:2]


def test_the_same_commits_give_the_same_history(repo):
    one, two = read_history(repo.root), read_history(repo.root)
    assert one.commits == two.commits
    register, _ = load_register(repo.root)
    as_of = date.fromisoformat(AS_OF)
    assert render_pages(register, "vi", as_of, history=one) == render_pages(register, "vi", as_of, history=two)
    t = Labels("vi")
    assert render_feed(register, t, one, "Sổ") == render_feed(register, t, two, "Sổ")


def test_the_register_may_sit_in_a_subfolder_of_the_repository(tmp_path):
    top = tmp_path / "top"
    (top / "so" / "decisions").mkdir(parents=True)
    (top / "decisions").mkdir()
    (top / "so" / "decisions" / "agencies.yml").write_text("a: 1\n", encoding="utf-8")
    (top / "decisions" / "agencies.yml").write_text("not this one\n", encoding="utf-8")
    git(top, "init", "-q")
    commit(top, "Thêm", ALICE, "2021-03-01T09:00:00+07:00")
    history = read_history(top / "so")
    assert history.status == "ok"
    assert len(history.for_path("decisions/agencies.yml").commits) == 1
    assert [c.path for c in history.recent()[0].changes] == ["decisions/agencies.yml"]


def test_a_repository_without_commits_is_ok_and_empty(tmp_path):
    git(tmp_path, "init", "-q")
    history = read_history(tmp_path)
    assert history.status == "ok" and history.for_path("decisions/agencies.yml") is None
    assert history.recent() == []


def test_no_repository_or_no_git_is_a_status_not_an_error(tmp_path, repo, monkeypatch):
    outside = read_history(tmp_path)
    assert outside.status == "no-git" and outside.for_path("decisions/agencies.yml") is None
    assert outside.recent() == []
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # git cannot be found at all
    missing = read_history(repo.root)
    assert missing.status == "no-git" and missing.for_path("decisions/2021/1-tb-ba.md") is None


def test_odd_log_output_is_skipped_not_fatal():
    assert parse_log("").commits == ()
    assert parse_log("garbage\0\x1enot-a-hash\x1f\x1f1\0").commits == ()
    h = "a" * 40
    texts = parse_texts(f"{h}\nA\x1e\x1fB\nsubject \x1f with US\0b\0")
    history = parse_log(f"\x1e{h}\x1f\x1f1600000000\0\nM\0decisions/x.md\0R100\0", texts=texts)
    assert history.commits[0].subject == "subject \\x1f with US\\x00b"
    assert history.commits[0].author == "A\\x1e\\x1fB"
    assert history.for_path("decisions/x.md").commits[0].hash == h


# --- the history on the built pages -----------------------------------------------------------

def test_document_page_shows_added_last_changed_and_commits(repo, site):
    text = page_text(site, "van-ban/2022/5-qd-ba")
    section = text[text.index("Lịch sử biên tập"):]
    assert "Tệp nguồn: decisions/2022/5-qd-ba.md" in section
    added = section[section.index("Đưa vào sổ"):section.index("Sửa đổi lần cuối")]
    assert "15/01/2022 10:00" in added and BOB[0] in added and repo.c["branch"][:7] in added
    assert "qua #7" in added
    last = section[section.index("Sửa đổi lần cuối"):]
    assert "17/01/2022 16:45" in last and ALICE[0] in last and repo.c["merge"][:7] in last
    assert SUBJECTS["merge"] in section and SUBJECTS["branch"] in section
    assert section.index(repo.c["merge"][:7], section.index("Commit")) < section.index(
        repo.c["branch"][:7], section.index("Commit"))  # newest first
    assert "giờ Việt Nam (UTC+7)" in section


def test_renamed_record_keeps_its_history(repo, site):
    section = page_text(site, "van-ban/2021/2-tb-ba")
    section = section[section.index("Lịch sử biên tập"):]
    assert "tên cũ: decisions/2021/20-tb-ba.md" in section
    assert repo.c["add20"][:7] in section and SUBJECTS["add20"] in section
    assert repo.c["rename"][:7] in section and "10/05/2021 14:30" in section


def test_task_agency_person_body_pages_show_their_source_history(repo, site):
    task = page_text(site, "nhiem-vu/xay-dung-he-thong")
    assert "Tệp nguồn: decisions/2021/1-tb-ba.md" in task and "#8" in task and SUBJECTS["squash"] in task
    for url, source in (("co-quan/bo-a", "agencies.yml"), ("ca-nhan/nguyen-van-an", "people.yml"),
                        ("to-chuc/hoi-dong", "bodies.yml")):
        text = page_text(site, url)
        assert f"Tệp nguồn: decisions/{source}" in text, url
        assert repo.c["start"][:7] in text and ALICE[0] in text, url


def test_git_words_are_escaped_and_kept_out_of_search(site):
    built = page_html(site, "van-ban/2022/5-qd-ba")
    assert 'class="register-history" data-pagefind-ignore="all"' in built
    assert "<table>" in built[built.index("register-history"):]


def test_recent_changes_page(repo, site):
    text = page_text(site, "thay-doi-gan-day")
    order = [text.index(SUBJECTS[k]) for k in ("squash", "merge", "rename", "add20", "start")]
    assert order == sorted(order)
    assert SUBJECTS["code"] not in text  # it changed no record
    merge = text[order[1]:order[2]]
    assert "Thêm: Quyết định 5/QĐ-BA (decisions/2022/5-qd-ba.md)" in merge and "#7" in merge
    rename = text[order[2]:order[3]]
    assert "Đổi tên: Thông báo 2/TB-BA (decisions/2021/2-tb-ba.md) ← decisions/2021/20-tb-ba.md" in rename
    built = page_html(site, "thay-doi-gan-day")
    assert 'href="../van-ban/2022/5-qd-ba/"' in built
    assert f'href="../{FEED}"' in built and (site / FEED).is_file()
    assert f'id="c-{repo.c["merge"][:12]}"' in built


def test_recent_changes_feed_is_atom(repo, site):
    root = ET.parse(site / FEED).getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        SUBJECTS[k] for k in ("squash", "merge", "rename", "add20", "start")]
    assert root.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated") == "2022-02-01T11:00:00+07:00"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        assert entry.find(f"{ATOM}author/{ATOM}name").text in (ALICE[0], BOB[0])
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("thay-doi-gan-day/#c-")
    merge = entries[1].findtext(f"{ATOM}content")
    assert "5/QĐ-BA" in merge and 'href="van-ban/2022/5-qd-ba/"' in merge and "(#7)" in merge


def test_with_repo_url_commits_and_edit_buttons_link_to_the_forge(repo, tmp_path):
    forge = "https://github.com/example/so-dang-ky"
    config = (repo.root / "mkdocs.yml").read_text(encoding="utf-8")
    (repo.root / "mkdocs-forge.yml").write_text(
        config + f"\nrepo_url: {forge}\nedit_uri: edit/main/content/\nsite_url: https://so.example.org/\n",
        encoding="utf-8")
    try:
        site = build(repo.root, tmp_path / "site", "-f", "mkdocs-forge.yml")
    finally:
        (repo.root / "mkdocs-forge.yml").unlink()
    built = page_html(site, "van-ban/2022/5-qd-ba")
    assert f'href="{forge}/commit/{repo.c["merge"]}"' in built
    assert f'href="{forge}/pull/7"' in built
    assert f'href="{forge}/edit/main/decisions/2022/5-qd-ba.md"' in built   # edit this record
    assert f'href="{forge}/raw/main/decisions/2022/5-qd-ba.md"' in built    # view its source
    assert f'href="{forge}/edit/main/decisions/agencies.yml"' in page_html(site, "co-quan/bo-a")
    assert f'href="{forge}/edit/main/decisions/2021/1-tb-ba.md"' in page_html(site, "nhiem-vu/xay-dung-he-thong")
    assert f'href="{forge}/edit/main/content/index.md"' in page_html(site, "")  # hand-written pages as before
    feed = ET.parse(site / FEED).getroot()
    entry = feed.find(f"{ATOM}entry")
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"].startswith("https://so.example.org/thay-doi-gan-day/#c-")
    assert links["related"] == f"{forge}/commit/{repo.c['squash']}"


def test_an_uncommitted_record_says_so(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.root), str(clone)], check=True)
    (clone / "decisions/2022/6-qd-ba.md").write_text(
        "---\nnumber: 6/QĐ-BA\ntype: quyet-dinh\ntitle: Quyết định chưa commit\nissuer: bo-a\n"
        "issued: 2022-02-20\nsources:\n  - {kind: official, title: Cổng thông tin Bộ A}\n---\nNội dung.\n",
        encoding="utf-8")
    register, diagnostics = load_register(clone)
    assert diagnostics == []
    pages = render_pages(register, "vi", date.fromisoformat(AS_OF), history=read_history(clone))
    assert "Bản ghi này chưa được commit vào kho git." in pages["van-ban/2022/6-qd-ba.md"]
    assert "Bản ghi này chưa được commit" not in pages["van-ban/2022/5-qd-ba.md"]


# --- shallow clones and copies without git ----------------------------------------------------

def shallow_clone(repo: Repo, folder: Path, depth: int) -> Path:
    subprocess.run(["git", "clone", "-q", "--depth", str(depth), f"file://{repo.root}", str(folder)],
                   check=True, capture_output=True)
    return folder


def test_shallow_clone_builds_and_says_history_is_unavailable(repo, tmp_path, caplog):
    clone = shallow_clone(repo, tmp_path / "shallow", 1)
    history = read_history(clone)
    assert history.status == "shallow" and history.recent() == []
    record = history.for_path("decisions/2022/5-qd-ba.md")
    assert record is not None and record.commits == () and not record.complete and record.added is None
    caplog.set_level(logging.INFO)
    site = build(clone, tmp_path / "site")
    text = page_text(site, "van-ban/2022/5-qd-ba")
    assert "Không có đầy đủ lịch sử biên tập" in text and "bản sao nông" in text
    assert "Đưa vào sổ chưa rõ" in text
    assert "Không có đầy đủ lịch sử biên tập" in page_text(site, "thay-doi-gan-day")
    assert ET.parse(site / FEED).getroot().findall(f"{ATOM}entry") == []
    notices = [r for r in caplog.records if "editorial history" in r.getMessage()]
    assert len(notices) == 1 and notices[0].levelno == logging.INFO


def test_shallow_clone_shows_what_it_holds(repo, tmp_path):
    history = read_history(shallow_clone(repo, tmp_path / "shallow", 3))  # code, squash, merge (the cut)
    record = history.for_path("decisions/2021/1-tb-ba.md")
    assert [c.hash for c in record.commits] == [repo.c["squash"]]
    assert not record.complete and record.added is None and record.last_changed.pr == 8
    assert [c.hash for c in history.recent()] == [repo.c["squash"]]
    section = history_section(Labels("en"), "decisions/2021/1-tb-ba.md", history)
    assert "The full editorial history is unavailable" in section
    assert "unknown — before the commits the shallow clone holds" in section


def test_copy_without_git_builds_and_says_history_is_unavailable(repo, tmp_path, caplog):
    copy = tmp_path / "tarball"
    shutil.copytree(repo.root, copy, ignore=shutil.ignore_patterns(".git"))
    caplog.set_level(logging.INFO)
    site = build(copy, tmp_path / "site")
    for url in ("van-ban/2022/5-qd-ba", "co-quan/bo-a", "nhiem-vu/xay-dung-he-thong"):
        text = page_text(site, url)
        assert "Không có lịch sử biên tập" in text and "Tệp nguồn:" in text, url
    assert "Không có lịch sử biên tập" in page_text(site, "thay-doi-gan-day")
    feed = ET.parse(site / FEED).getroot()
    assert feed.tag == f"{ATOM}feed" and feed.findall(f"{ATOM}entry") == []
    notices = [r for r in caplog.records if "editorial history" in r.getMessage()]
    assert len(notices) == 1 and notices[0].levelno == logging.INFO
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_english_labels(repo):
    register, _ = load_register(repo.root)
    pages = render_pages(register, "en", date.fromisoformat(AS_OF), history=read_history(repo.root))
    page = html.unescape(pages["van-ban/2022/5-qd-ba.md"])  # text() escapes # and :
    assert ">Editorial history<a" in page and "via #7" in page and "2022-01-15 10:00" in page
    assert "<h1" in pages[RECENT] and ">Recent changes<a" in pages[RECENT]


def test_pages_without_history_are_unchanged(repo):
    register, _ = load_register(repo.root)
    pages = render_pages(register, "vi", date.fromisoformat(AS_OF))
    assert RECENT not in pages and "Lịch sử biên tập" not in pages["van-ban/2022/5-qd-ba.md"]

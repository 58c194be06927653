"""Provenance on the site: each record page's editorial history, the recent-changes page and
its Atom feed. Input is a `provenance.History` (plain data); output is HTML or XML text.

Every value from git (author, subject, path) is escaped with markup.text; links to the forge
are built here from `repo_url` (the site's configuration, never a record), percent-quoted.
"""
from __future__ import annotations

import posixpath
import uuid
from datetime import date, datetime, time, timezone
from functools import lru_cache
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape as xml_escape, quoteattr

from markupsafe import Markup

from generator.core import urls
from generator.core.asof import SITE_TZ
from generator.core.model import Register
from generator.core.read.provenance import Change, Commit, FileHistory, History
from generator.core.render.atom import AtomFeed
from generator.core.render.context import Context
from generator.core.render.labels import Labels
from generator.core.render.markup import Headings, link, render_page, templates, text

RECENT = "thay-doi-gan-day.md"      # the recent-changes page (source path, as in urls.py)
FEED = "thay-doi-gan-day.xml"       # its Atom feed, written at the site's root
RECENT_LIMIT = 50                   # commits on the page and in the feed
REGISTRIES = {"decisions/agencies.yml": urls.AGENCIES, "decisions/people.yml": urls.PEOPLE,
              "decisions/bodies.yml": urls.BODIES}


# --- which file each generated page comes from -------------------------------------------------

def page_sources(register: Register) -> dict[str, str]:
    """Generated page (source path) -> the record file it is made from, relative to the register
    root: a document's own file; an agency, person or body's registry file; a task's declaring
    document. These are the files "edit this record" opens and whose history a page shows."""
    sources: dict[str, str] = {}
    for doc in register.documents.values():
        sources[urls.document(doc.key)] = doc.path
    derived = register.derived
    task_ids = list(derived.custody.tasks) if derived is not None else list(register.tasks)
    for task_id in task_ids:
        task = register.tasks.get(task_id)
        doc = register.documents.get(task.declared_by.doc) if task else None
        if doc is not None:
            sources[urls.task(task_id)] = doc.path
    for ids, page, registry in ((register.agencies, urls.agency, "decisions/agencies.yml"),
                                (register.people, urls.person, "decisions/people.yml"),
                                (register.bodies, urls.body, "decisions/bodies.yml")):
        for item_id in ids:
            sources[page(item_id)] = registry
    return dict(sorted(sources.items()))


def record_pages(register: Register) -> dict[str, str]:
    """Record file -> the page that shows it (documents, and the registries' index pages)."""
    pages = {doc.path: urls.document(doc.key) for doc in register.documents.values()}
    pages.update(REGISTRIES)
    return pages


# --- small pieces ------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 14)  # a commit's time is on the page of every file it touched
def when(t: Labels, moment: datetime | None, seconds: int = 0) -> str:
    """A commit time in the site's time zone, as the site's language writes it; one no
    calendar can hold (`moment` None) as git gives it, in seconds since 1970."""
    if moment is None:
        return f"{civil_time(t, seconds)} ({t('impossible_time')})"
    local = moment.astimezone(SITE_TZ)
    return f"{t.date(local.date())} {local:%H:%M}"


_CYCLE = 146_097 * 86_400  # 400 Gregorian years, in seconds: the calendar repeats after them


def civil_time(t: Labels, seconds: int) -> str:
    """A time beyond what datetime holds (year 10000 on), as git writes it: the calendar date
    found by moving whole 400-year cycles into range, the year moved back."""
    cycles = (seconds - 4_102_444_800) // _CYCLE + 1 if seconds > 0 else (seconds // _CYCLE)
    # the zone's offset of today, not of the shifted year (Hà Nội kept local mean time then)
    zone = timezone(SITE_TZ.utcoffset(datetime(2000, 1, 1)))
    local = datetime.fromtimestamp(seconds - cycles * _CYCLE, zone)
    year = local.year + 400 * cycles
    day = f"{year}-{local.month:02d}-{local.day:02d}" if t.lang == "en" else f"{local.day:02d}/{local.month:02d}/{year}"
    return f"{day} {local:%H:%M}"


def forge_url(repo_url: str | None, *parts: str) -> str | None:
    """`<repo_url>/<parts…>` for an http(s) repo_url, quoted so it is a safe Markdown target."""
    if not repo_url or urlsplit(repo_url).scheme not in ("http", "https"):
        return None
    base = quote(repo_url.strip().rstrip("/"), safe=":/?&=%@~.-_+,;!$'*")
    tail = "/".join(quote(p, safe="/-._~") for p in parts)
    return (base + "/" + tail).replace("(", "%28").replace(")", "%29")


def _commit_ref(commit: Commit, repo_url: str | None) -> str:
    url = forge_url(repo_url, "commit", commit.hash)
    return link(commit.short, url) if url else text(commit.short)


def _pr_ref(t: Labels, commit: Commit, repo_url: str | None) -> str:
    number = commit.pull_request
    if number is None:
        return ""
    label = f"#{number}"
    github = "github" in urlsplit(repo_url or "").netloc  # /pull/N is GitHub's; others: the number
    url = forge_url(repo_url, "pull", str(number)) if github else None
    ref = link(label, url) if url else text(label)
    return ref if commit.pr is not None else f"{t('history_via')} {ref}"


def _who(t: Labels, commit: Commit, repo_url: str | None) -> str:
    """`date — author — commit (PR)`: one line on who did it, when, through what."""
    parts = [text(when(t, commit.date, commit.time)), text(commit.author), _commit_ref(commit, repo_url)]
    pr = _pr_ref(t, commit, repo_url)
    return " — ".join(parts) + (f" ({pr})" if pr else "")


# --- a record page's history ------------------------------------------------------------------

def history_section(t: Labels, source: str, history: History, repo_url: str | None = None) -> str:
    """The "editorial history" section of a page made from the file `source`, as HTML
    (templates/history.html)."""
    record = history.for_path(source)
    former = ""
    if record is not None and record.former_paths:
        former = f" ({t('history_former')}: " + ", ".join(text(p) for p in record.former_paths) + ")"
    notes, summary, commits = [], [], []
    if not history.available:
        notes.append(t("history_unavailable"))
    else:
        if history.status == "shallow":
            notes.append(t("history_shallow"))
        if record is None:
            notes.append(t("history_uncommitted"))
        else:
            summary = _summary(t, record, repo_url)
            commits = [[_commit_ref(c, repo_url), text(when(t, c.date, c.time)), text(c.author), text(c.subject),
                        _pr_ref(t, c, repo_url)] for c in record.commits]
    return templates().get_template("history.html").render(
        h=Headings(t("permalink")), t=t, source=Markup(f"{text(t('history_source'))}: {text(source)}{former}"),
        notes=notes, summary=summary, commits=commits)


def _summary(t: Labels, record: FileHistory, repo_url: str | None) -> list[list[str]]:
    before_cut = f"<em>{t('history_before_cut')}</em>"
    added = _who(t, record.added, repo_url) if record.added else before_cut
    last = _who(t, record.last_changed, repo_url) if record.last_changed else before_cut
    return [[t("history_added"), added], [t("history_changed"), last]]


# --- the recent-changes page -------------------------------------------------------------------

def commit_anchor(commit: Commit) -> str:
    return f"c-{commit.hash[:12]}"


def feed_href(directory_urls: bool = True) -> str:
    """The feed's address from the recent-changes page, as built."""
    url = urls.page_url(RECENT, directory_urls)
    folder = url if url.endswith("/") else posixpath.dirname(url)
    return "../" * len([part for part in folder.split("/") if part]) + FEED


def _change_line(t: Labels, change: Change, pages: dict[str, str], labels: dict[str, str],
                 page_href, target_url=None) -> tuple[str, str]:
    """(the recent-changes page's line, the feed's) of one changed file: the record's page when
    it still has one; `page_href(source)` is its address from that page."""
    label = labels.get(change.path, change.path)
    status = t(f"history_change_{change.status}")
    if change.path in pages and change.status != "D":
        md_item = link(label, page_href(pages[change.path])) if page_href else text(label)
        href = target_url(pages[change.path]) if target_url else None
        html_item = f'<a href={quoteattr(href)}>{xml_escape(label)}</a>' if href else xml_escape(label)
    else:
        md_item, html_item = text(label), xml_escape(label)
    if label != change.path:
        md_item += f" ({text(change.path)})"
        html_item += f" ({xml_escape(change.path)})"
    if change.status == "R" and change.old_path:
        md_item += f" ← {text(change.old_path)}"
        html_item += f" ← {xml_escape(change.old_path)}"
    return f"{text(status)}: {md_item}", f"{xml_escape(status)}: {html_item}"


def _labels(register: Register, t: Labels) -> dict[str, str]:
    """Record file -> how readers name it: a document as every other page names it."""
    names = Context(register, getattr(register.derived, "relations", None), t, date.min)  # names only
    out = {doc.path: names.doc_label(doc.key) for doc in register.documents.values()}
    out.update({path: t({urls.AGENCIES: "agencies", urls.PEOPLE: "people",
                         urls.BODIES: "bodies"}[page]) for path, page in REGISTRIES.items()})
    return out


def render_recent(register: Register, t: Labels, history: History, repo_url: str | None = None,
                  directory_urls: bool = True, limit: int = RECENT_LIMIT) -> str:
    """The recent-changes page: the mainline's latest commits that changed records, newest first
    (templates/recent.html)."""
    notes, commits = [], []
    if not history.available:
        notes.append(t("history_unavailable"))
    else:
        if history.status == "shallow":
            notes.append(t("history_shallow"))
        pages, labels = record_pages(register), _labels(register, t)

        def page_href(target: str) -> str:
            return urls.href(RECENT, target, directory_urls)

        for commit in history.recent(limit):
            pr = _pr_ref(t, commit, repo_url)
            commits.append(dict(
                heading=f"{when(t, commit.date, commit.time)} — {commit.subject}", anchor=commit_anchor(commit),
                line=Markup(f"{text(commit.author)} — {_commit_ref(commit, repo_url)}" + (f" ({pr})" if pr else "")),
                changes=[Markup(_change_line(t, change, pages, labels, page_href)[0]) for change in commit.changes]))
    return render_page("recent.html", dict(title=t("recent_changes")), t=t, feed=feed_href(directory_urls),
                       notes=notes, commits=commits)


# --- the Atom feed ------------------------------------------------------------------------------

def render_feed(register: Register, t: Labels, history: History, site_name: str,
                site_url: str | None = None, repo_url: str | None = None,
                directory_urls: bool = True, limit: int = RECENT_LIMIT,
                fallback: datetime | None = None) -> str:
    """The recent changes as an Atom 1.0 feed (RFC 4287), to be written at the site's root.
    Deterministic: `updated` is the newest commit's time (else `fallback`), ids come from
    commit hashes. Links are absolute with site_url, else relative to the feed's address."""
    base = (site_url.rstrip("/") + "/") if site_url else ""
    commits = history.recent(limit) if history.available else []
    fallback = fallback or datetime(1970, 1, 1, tzinfo=SITE_TZ)
    newest = next((c.date for c in commits if c.date is not None), fallback)
    recent_url = urls.absolute_url(base, RECENT, directory_urls)
    title = f"{site_name} — {t('recent_changes')}" if site_name else t("recent_changes")

    feed = AtomFeed(lang=t.lang, feed_id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:egov-register:' + FEED)}",
                    title=title, updated=_rfc3339(newest), author=site_name or t("recent_changes"),
                    self_href=base + FEED, alternate_href=recent_url)
    pages, labels = record_pages(register), _labels(register, t)

    def target_url(source: str) -> str:
        return urls.absolute_url(base, source, directory_urls)

    for commit in commits:
        entry = feed.entry(entry_id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:git-commit:' + commit.hash)}",
                           title=commit.subject, updated=_rfc3339(commit.date or fallback),  # a calendar date
                           author=commit.author)
        feed.sub(entry, "link", rel="alternate", type="text/html", href=f"{recent_url}#{commit_anchor(commit)}")
        commit_url = forge_url(repo_url, "commit", commit.hash)
        if commit_url:
            feed.sub(entry, "link", rel="related", href=commit_url)
        pr = commit.pull_request
        meta = f"{xml_escape(commit.author)} — {commit.short}" + (f" (#{pr})" if pr is not None else "")
        items = "".join(f"<li>{_change_line(t, change, pages, labels, None, target_url)[1]}</li>"
                        for change in commit.changes)
        feed.sub(entry, "content", f"<p>{meta}</p><ul>{items}</ul>", type="html")
    return feed.text()


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(SITE_TZ).isoformat(timespec="seconds")


def as_of_moment(as_of) -> datetime:
    """Midnight of the as-of date in the site's time zone (the feed's date when there is no git)."""
    return datetime.combine(as_of, time(0, 0), SITE_TZ)

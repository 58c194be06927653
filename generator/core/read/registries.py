"""Read agencies.yml, people.yml and bodies.yml: the named things documents refer to."""
from __future__ import annotations

import os
from pathlib import Path

from generator.core.check.loops import chain, cycles
from generator.core.diagnostics import Diagnostics, Loc
from generator.core.model import Agency, Body, Person, PostDef
from generator.core.read.fields import ID_RE, RESERVED_NAMES, Fields, reserved_message
from generator.core.read.source import LMap, read_yaml_file
from generator.core.text_rules import name_problem, text_problem
from generator.core.vocab import AGENCY_FIELDS, BODY_FIELDS, BODY_POST_FIELDS, PERSON_FIELDS


def _entries(root: Path, name: str, diags: Diagnostics) -> list[tuple[str, Fields]]:
    rel = f"decisions/{name}"
    path = root / rel
    if not os.path.lexists(path):  # a link is reported as one when read (safe_fs.py)
        diags.error(Loc(rel, 1), f"missing registry file {rel}")
        return []
    data = read_yaml_file(path, rel, diags)
    if data is None:
        return []
    if not isinstance(data, LMap):
        diags.error(Loc(rel, 1), f"{name} must map each id to its fields")
        return []
    out = []
    for key, value in data.items():
        line = data.lines[key]
        if not ID_RE.match(key):
            diags.error(Loc(rel, line), f"id {key!r} must be lower-case letters, digits and '-'")
            continue
        if key in RESERVED_NAMES:  # the id is the address of its page
            diags.error(Loc(rel, line), reserved_message("id", key))
            continue
        if (problem := name_problem(key)):
            diags.error(Loc(rel, line), f"id {problem}")
            continue
        out.append((key, Fields(value, rel, diags, f"{name[:-4]} {key!r}", line)))
    return out


def _aliases(f: Fields) -> list[str]:
    out = []
    for item, loc in f.items("aliases"):
        problem = text_problem(item.strip(), single_line=True) if isinstance(item, str) else None
        if problem:
            f.diags.error(loc, f"alias {problem}")
        elif isinstance(item, str) and item.strip():
            out.append(item.strip())
        else:
            f.diags.error(loc, "each alias must be text")
    return out


def _parent_loops(items: dict, parent_locs: dict[str, Loc], kind: str, diags: Diagnostics) -> None:
    """An agency or body whose parent chain comes back to it: each one in the loop is refused
    at its `parent:` line, and loses its parent (pages walk parents)."""
    edges = {key: [item.parent] for key, item in items.items() if item.parent in items}
    article = "an" if kind[0] in "aeiou" else "a"
    for loop in cycles(edges):
        for at, key in enumerate(loop):
            diags.error(parent_locs.get(key, items[key].loc),
                        f"{kind} {key!r}: its parent chain comes back to it ({chain(loop[at:] + loop[:at])}); "
                        f"{article} {kind} cannot be its own parent: give the {kind} it belongs to, or no parent")
        for key in loop:
            items[key].parent = None


def read_agencies(root: Path, diags: Diagnostics) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    parent_locs: dict[str, Loc] = {}
    for key, f in _entries(root, "agencies.yml", diags):
        parent_locs[key] = f.loc("parent")
        f.only(AGENCY_FIELDS)
        posts: dict[str, str] = {}
        posts_map = f.mapping("posts")
        if posts_map:
            for post_id in posts_map.data:
                title = posts_map.text(post_id, required=True)
                if not ID_RE.match(post_id):
                    posts_map.error(post_id, f"post id {post_id!r} must be lower-case letters, digits and '-'")
                elif title:
                    posts[post_id] = title
        agencies[key] = Agency(key, f.text("name", True) or key, f.text("short"), f.text("abbr"),
                               _aliases(f), f.ident("parent"), posts, f.loc(), f.text("note"))
    for agency in agencies.values():
        if agency.parent and agency.parent not in agencies:
            diags.error(agency.loc, f"agency {agency.id!r}: unknown parent agency {agency.parent!r}")
    _parent_loops(agencies, parent_locs, "agency", diags)
    return agencies


def read_people(root: Path, diags: Diagnostics) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for key, f in _entries(root, "people.yml", diags):
        f.only(PERSON_FIELDS)
        people[key] = Person(key, f.text("name", True) or key, _aliases(f), f.loc(), f.text("note"))
    return people


def read_bodies(root: Path, diags: Diagnostics) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    parent_locs: dict[str, Loc] = {}
    for key, f in _entries(root, "bodies.yml", diags):
        parent_locs[key] = f.loc("parent")
        f.only(BODY_FIELDS)
        posts: dict[str, PostDef] = {}
        posts_map = f.mapping("posts")
        if posts_map:
            for post_id, value in posts_map.data.items():
                if not ID_RE.match(post_id):
                    posts_map.error(post_id, f"post id {post_id!r} must be lower-case letters, digits and '-'")
                    continue
                if isinstance(value, str):
                    posts[post_id] = PostDef(post_id, value, False)
                    continue
                post = Fields(value, f.path, diags, f"post {post_id!r}", posts_map.loc(post_id).line)
                post.only(BODY_POST_FIELDS)
                posts[post_id] = PostDef(post_id, post.text("title", True) or post_id, post.flag("several"))
        roles: dict[str, str] = {}
        roles_map = f.mapping("roles")
        if roles_map:
            for role_id in roles_map.data:
                title = roles_map.text(role_id, required=True)
                if title:
                    roles[role_id] = title
        bodies[key] = Body(key, f.text("name", True) or key, f.text("short"), f.text("abbr"),
                           _aliases(f), f.ident("parent"), posts, roles, f.loc(), f.text("note"))
    for body in bodies.values():
        if body.parent and body.parent not in bodies:
            diags.error(body.loc, f"body {body.id!r}: unknown parent body {body.parent!r}")
    _parent_loops(bodies, parent_locs, "body", diags)
    return bodies

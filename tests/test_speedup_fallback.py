"""The page-shell speed-ups wrap Material's templates; a theme without them (renamed in a later
Material, or overridden by something else) leaves the build on the plain path instead of
crashing it: SpeedUpOff, which the plugin turns into one info line."""
from __future__ import annotations

import jinja2
import pytest

from generator.speedups.page_shell import SpeedUpOff, install_page_shell, share_nav


def _env(**templates: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates))


def test_a_theme_without_the_navigation_partial_keeps_its_own_rendering():
    env = _env(**{"main.html": "{{ page }}"})
    with pytest.raises(SpeedUpOff, match="partials/nav.html"):
        share_nav(env, lambda page: "folder")
    assert env.get_template("main.html").render(page="x") == "x"  # untouched


def test_a_theme_without_the_table_of_contents_partial_keeps_its_pages_whole():
    env = _env(**{"main.html": "{{ page }}", "partials/nav.html": "nav"})
    main = env.get_template("main.html")
    before = main.root_render_func
    with pytest.raises(SpeedUpOff, match="partials/toc.html"):
        install_page_shell(env, lambda page: "folder")
    assert main.root_render_func is before  # nothing wrapped half-way


def test_the_navigation_is_shared_when_the_partial_is_there():
    env = _env(**{"partials/nav.html": "{{ page }}"})
    share_nav(env, lambda page: "folder")
    template = env.get_template("partials/nav.html")
    assert template.render(page="first") == "first" and template.render(page="second") == "first"

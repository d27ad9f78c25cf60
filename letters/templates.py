"""Letter wording files: `[section]` headers, each section a small Jinja2 template.

A file `KIND.LANG.j2` in the book's templates folder overrides the shipped one.
Sections are split from the file *before* rendering, so nothing in the data
(a summary, a client's name) can open a section of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from store.errors import ValidationError
from store.i18n import _

from .context import filters

SHIPPED = Path(__file__).with_name("templates")
SECTIONS = ("subject", "salutation", "body", "closing", "enclosures")
REQUIRED = ("subject", "body")
_HEADER = re.compile(r"^\[([A-Za-z_-]+)\]\s*$")
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def template_path(kind: str, language: str, templates_dir: Path | str | None) -> Path:
    """The user's file when there is one, else the shipped wording."""
    name = f"{kind}.{language}.j2"
    if templates_dir is not None and (Path(templates_dir) / name).is_file():
        return Path(templates_dir) / name
    return SHIPPED / name


@lru_cache(maxsize=2)
def _environment(language: str) -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                               trim_blocks=True, lstrip_blocks=True)
    env.filters.update(filters(language))
    return env


def _split(path: Path, source: str) -> dict[str, tuple[int, str]]:
    """Section name → (first line number, source), refusing unknown or missing sections."""
    sections: dict[str, tuple[int, list[str]]] = {}
    current = None
    for number, line in enumerate(source.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).lower()
            if current not in SECTIONS:
                raise ValidationError(f"template {path.name}", _(
                    "line {number}: unknown section [{section}]; sections are {sections}")
                    .format(number=number, section=current,
                            sections=", ".join(f"[{s}]" for s in SECTIONS)))
            sections[current] = (number + 1, [])
        elif current is not None:
            sections[current][1].append(line)
        elif line.strip():
            raise ValidationError(f"template {path.name}",
                                  _("line {number}: text before the first [section]")
                                  .format(number=number))
    for name in REQUIRED:
        if name not in sections:
            raise ValidationError(f"template {path.name}",
                                  _("the [{name}] section is missing").format(name=name))
    return {name: (first, "\n".join(lines)) for name, (first, lines) in sections.items()}


@lru_cache(maxsize=64)
def _compiled(path: Path, language: str, _mtime: int, _size: int) -> dict[str, jinja2.Template]:
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"template {path.name}",
                              _("cannot be read ({error})").format(error=exc)) from None
    env = _environment(language)
    compiled = {}
    uncommented = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    for name, (first, text) in _split(path, uncommented).items():
        try:
            compiled[name] = env.from_string(text)
        except jinja2.TemplateSyntaxError as exc:
            raise ValidationError(f"template {path.name}", _("line {number}: {message}").format(
                number=first + exc.lineno - 1, message=exc.message)) from None
    return compiled


def render(kind: str, language: str, context: dict,
           templates_dir: Path | str | None = None) -> dict[str, str]:
    """Render every section of the wording for this kind and language."""
    path = template_path(kind, language, templates_dir)
    try:
        stat = path.stat()
    except OSError:
        raise ValidationError("kind", _("no wording for {kind} in {language} ({path})").format(
            kind=repr(kind), language=repr(language), path=path)) from None
    rendered = {}
    for name, template in _compiled(path, language, stat.st_mtime_ns, stat.st_size).items():
        try:
            rendered[name] = template.render(context)
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            raise ValidationError(f"template {path.name}",
                                  _("section [{name}]: {error}").format(name=name,
                                                                       error=exc)) from None
    return rendered


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; a single line break inside a block is kept."""
    blocks = re.split(r"\n[ \t]*\n", text.strip("\n"))
    return [b.strip() for b in blocks if b.strip()]

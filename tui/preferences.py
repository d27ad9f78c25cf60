"""The interface's language and theme: chosen at start-up, switched from the palette, and
remembered in the config file (store/config.py)."""

from __future__ import annotations

from textual.screen import Screen

from store.config import Config, read_config, save_config
from store.errors import BookError
from store.i18n import _, choose_language, language, use_language

REBUILDING = "rebuilding"
"""The mode shown for an instant while the sections' screens are dropped."""


def settings(app) -> Config:
    """The config file's settings; a broken file is one warning, and the defaults."""
    try:
        return read_config()
    except BookError as exc:
        app.notify(str(exc), title=_("Config file"), severity="warning", timeout=10)
        return Config()


def start_language(config: Config, profile_language: str | None = None) -> bool:
    """Put in force the language of this run: CARNET_LANG, else the config file's, else the
    profile's, else French. True when that changed the language."""
    before = language()
    chosen = choose_language(config.language or None, profile_language or None)
    return use_language(chosen) != before


def remember(app, changes: dict[str, str]) -> None:
    """Save settings into the config file; a failure is one warning, the run goes on."""
    try:
        save_config(changes)
    except (OSError, BookError) as exc:
        app.notify(_("The config file could not be saved: {error}").format(error=exc),
                   severity="warning")


def start_theme(app, config: Config) -> None:
    """Apply the config file's theme; from now on, remember every theme chosen."""
    if config.theme in app.available_themes:
        app.theme = config.theme
    app.remembered_theme = config.theme or app.theme

    def chosen(theme) -> None:
        if theme.name != app.remembered_theme:
            app.remembered_theme = theme.name
            remember(app, {"theme": theme.name})
    app.theme_changed_signal.subscribe(app, chosen)


def switch_language(app, lang: str) -> None:
    """Show the interface in `lang` from now on: remembered, and every screen rebuilt."""
    use_language(lang)
    remember(app, {"language": lang})
    rebuild_soon(app)


def rebuild_soon(app) -> None:
    """Rebuild the screens beside the app's own work, not inside one of its handlers: the
    app keeps handling what is queued (the headers' new titles) while the rebuilding waits
    for a screen being made in advance."""
    app.run_worker(rebuild_screens(app), name="rebuild", group="rebuild")


async def rebuild_screens(app) -> None:
    """Every section's screens afresh, in the language now in force; the dashboard shown and
    the book kept open (a blank screen stands in while the sections are dropped)."""
    if app.book is None:
        return
    async with app.making_screens:
        while len(app.screen_stack) > 1:
            await app.pop_screen()
        app.drop_ready()
        app.add_mode(REBUILDING, Screen)
        await app.switch_mode(REBUILDING)
        for mode, screen in app.MODES.items():
            await app.remove_mode(mode)
            app.add_mode(mode, screen)
        await app.switch_mode("dashboard")
        await app.remove_mode(REBUILDING)
    app.unmakeable.clear()
    app.refresh_data()
    app.prepare_sections()

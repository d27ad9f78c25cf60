"""The profile form and the order forms with what letters print: SIRET, form, face, V/réf."""

from __future__ import annotations

from PIL import Image

from store.models import Profile
from tui import dialogs
from tui.dialogs import FormDialog

from .test_tui_dialogs import HarnessApp, book, field, message_beside, type_text  # noqa: F401
from .tui_support import paste

VALID_SIRET = "81234563500021"


async def open_profile(app: HarnessApp, pilot) -> None:
    from tui.screens.profile import ProfileScreen

    await app.push_screen(ProfileScreen())
    await pilot.pause()


async def test_a_siret_failing_its_checksum_is_refused_beside_it_then_kept_compact(book):
    book.set_profile(Profile(name="Claire Vasseur"))
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(app, pilot)
        field(app, "siret").focus()
        await paste(pilot, "812 345 678 00021")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "fails the SIRET checksum" in message_beside(app, "siret")
        assert book.profile.siret == ""
        field(app, "siret").value = ""
        field(app, "siret").focus()
        await paste(pilot, "812 345 635 00021")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message_beside(app, "siret") == ""
        assert book.profile.siret == VALID_SIRET
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert field(app, "siret").value == "812 345 635 00021"


async def test_the_legal_form_is_suggested_as_you_type_and_any_text_goes(book):
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(app, pilot)
        field(app, "name").value = "Claire Vasseur"
        field(app, "legal_form").focus()
        await type_text(pilot, "mic")
        await pilot.press("right")
        assert field(app, "legal_form").value == "micro-entreprise"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert book.profile.legal_form == "micro-entreprise"
        field(app, "legal_form").value = ""
        field(app, "legal_form").focus()
        await type_text(pilot, "SCOP")
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
    assert book.profile.legal_form == "SCOP"


async def test_the_face_and_the_alignment_are_picked_with_the_keyboard(book):
    book.set_profile(Profile(name="Claire Vasseur"))
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(app, pilot)
        assert (field(app, "typeface").value, field(app, "text_align").value) == (
            "dejavu", "justify")
        for name in ("typeface", "text_align"):
            field(app, name).focus()
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
        assert (field(app, "typeface").value, field(app, "text_align").value) == (
            "garamond", "ragged")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert (book.profile.typeface, book.profile.text_align) == ("garamond", "ragged")


async def test_a_signature_image_must_be_a_png_or_jpeg_that_exists(book, tmp_path):
    book.set_profile(Profile(name="Claire Vasseur"))
    png = tmp_path / "signature.png"
    Image.new("RGB", (60, 20), "white").save(png)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(app, pilot)
        field(app, "signature_image").value = str(tmp_path / "absente.png")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "no such file" in message_beside(app, "signature_image")
        field(app, "signature_image").value = str(png)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message_beside(app, "signature_image") == ""
    assert book.profile.signature_image == str(png)


async def test_a_new_order_takes_the_clients_reference_and_editing_shows_it(book):
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.new_order(app, client_id=1)
        await paste(pilot, "Registre paroissial")
        await pilot.press("tab")
        await paste(pilot, "Dossier 2026/0147")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert book.order("2026-002").client_ref == "Dossier 2026/0147"
        await dialogs.edit_order(app, "2026-002")
        assert field(app, "client_ref").value == "Dossier 2026/0147"
        field(app, "client_ref").value = "x" * 81
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "at most 80" in message_beside(app, "client_ref")
        field(app, "client_ref").value = "V/réf. « 12 » — ✓"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert book.order("2026-002").client_ref == "V/réf. « 12 » — ✓"
    assert book.undo() == "edit 2026-002"
    assert book.order("2026-002").client_ref == "Dossier 2026/0147"


async def test_the_order_screen_shows_the_clients_reference_of_a_demo_order(tmp_path):
    from textual.widgets import Static

    from tui.app import CarnetApp

    from .tui_support import TODAY, demo_book, settle

    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [ref] = [o.ref for o in app.book.orders() if o.client_ref == "Dossier 2026/0147 AC"]
        app.open_order(ref)
        await settle(pilot)
        head = str(app.screen.query_one("#order-head", Static).render())
    assert "V/réf.) Dossier 2026/0147 AC" in head

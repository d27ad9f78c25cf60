"""The writing sub-commands as scripts use them: what they print, change and refuse."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import app
from store import clients, orders
from store.book import Book
from store.profile import update_profile
from tests.test_cli import assert_bad_input, carnet

TODAY = date(2026, 11, 23)


def ok(result) -> str:
    """The stdout of a run that succeeded without a word on stderr."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.strip()


def as_json(result) -> dict | list:
    return json.loads(ok(result))


@pytest.fixture
def data(tmp_path) -> Path:
    """A book with a profile, Henri (client 1), Anne (client 2) and Henri's late act, 2026-001."""
    folder = tmp_path / "book"
    with Book(folder) as book:
        update_profile(book, name="Claire Vasseur", address_lines=["12 rue des Carmes"],
                       postcode="45000", city="Orléans")
        henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
        clients.add_client(book, TODAY, first_name="Anne", last_name="Caradec")
        orders.add_order(book, TODAY, henri.id, "Acte de vente, 1523", date(2026, 11, 15),
                         received=date(2026, 10, 1))
    return folder


def reopened(data: Path) -> Book:
    return Book(data, read_only=True)


# -- the book itself -----------------------------------------------------------

def test_init_starts_an_empty_book_and_only_once(tmp_path):
    data = tmp_path / "new"
    assert str(data) in ok(carnet("init", data=data))
    with reopened(data) as book:
        assert book.is_empty()
    assert_bad_input(carnet("init", data=data), "already", str(data))


def test_init_refuses_a_file_as_the_data_directory(tmp_path):
    (tmp_path / "a-file").write_text("x")
    assert_bad_input(carnet("init", data=tmp_path / "a-file"), "not a directory")


@pytest.mark.parametrize("argv", [
    ("profile", "set", "--name", "X"), ("client", "add", "--last-name", "X"),
    ("order", "add", "1", "--title", "T", "--due", "2026-12-01"),
    ("postpone", "2026-001", "2026-12-01", "--reason", "r"), ("pause", "2026-001"),
    ("resume", "2026-001"), ("deliver", "2026-001"), ("paid", "2026-001"),
    ("log", "1", "note", "x"), ("followup", "add", "1", "x", "--due", "2026-12-01"),
    ("followup", "done", "1"), ("followups",), ("incident", "open", "2026-001", "--what", "x"),
    ("incident", "step", "2026-001", "fixed"), ("incident", "close", "2026-001"),
    ("incident", "show", "2026-001"), ("dashboard", "--json"),
], ids=lambda argv: " ".join(argv[:2]))
def test_a_folder_without_a_book_is_refused_and_left_alone(tmp_path, argv):
    assert_bad_input(carnet(*argv, data=tmp_path / "typo"), "no Carnet book in", "init")
    assert not (tmp_path / "typo").exists()


def test_a_write_while_the_tui_holds_the_book_is_one_clear_line_and_reads_still_work(data):
    with Book(data):
        assert_bad_input(carnet("deliver", "2026-001", data=data), "already open")
        assert as_json(carnet("dashboard", "--json", data=data))["overdue"]


@pytest.mark.parametrize("argv", [
    ("order", "add", "1", "--title", "T", "--due", "2026-12-01", "--status", "quote"),
    ("incident", "step", "2026-001", "apologised"),
    ("log", "1", "call-back promised", "Rappeler lundi", "--due", "2026-11-30"),
    ("deliver", "2026-001"), ("profile", "set", "--legal-form", "EI", "--address", "a"),
])
def test_each_write_is_one_undoable_change(data, monkeypatch, capsys, argv):
    if argv[0] == "incident":
        app.main(["--data", str(data), "--today", TODAY.isoformat(), "incident", "open",
                  "2026-001", "--what", "Retard"])
    changes = []
    real_close = Book.close
    monkeypatch.setattr(Book, "close", lambda book: (changes.append(list(book.history)),
                                                     real_close(book)))
    assert app.main(["--data", str(data), "--today", TODAY.isoformat(), *argv]) == 0
    assert [len(history) for history in changes] == [1], capsys.readouterr()


# -- profile and clients -------------------------------------------------------

def test_profile_set_changes_only_what_is_given(data):
    out = ok(carnet("profile", "set", "--trade", "Paléographe", "--address", "Bât. B",
                    "--address", "3 place du Martroi", "--siret", "123 456 782 00010",
                    "--legal-form", "EI", "--letter-city", "Orléans", "--language", "en",
                    data=data))
    assert "Profile saved" in out and "legal form" in out
    with reopened(data) as book:
        profile = book.profile
    assert profile.name == "Claire Vasseur" and profile.trade == "Paléographe"
    assert profile.address_lines == ["Bât. B", "3 place du Martroi"]
    assert (profile.siret, profile.legal_form, profile.language) == ("12345678200010", "EI", "en")
    shown = as_json(carnet("profile", "set", "--phone", "02 38 00 00 00", "--json", data=data))
    assert shown["legal_form"] == "EI" and shown["phone"] == "02 38 00 00 00"


@pytest.mark.parametrize("argv, words", [
    (("--siret", "1234"), ("siret", "14 digits")),
    (("--siret", "123 456 789 00012"), ("siret", "checksum")),
    (("--language", "de"), ("--language",)),
    (("--email", "nobody"), ("email",)),
    (("--name", " "), ("name",)),
    (("--tolerance", "-2"), ("tolerance",)),
    ((), ("at least one option",)),
])
def test_profile_set_refuses_bad_values(data, argv, words):
    assert_bad_input(carnet("profile", "set", *argv, data=data), *words)
    with reopened(data) as book:
        assert book.profile.siret == "" and book.profile.name == "Claire Vasseur"


def test_client_add_prints_the_new_id_and_keeps_every_field(data):
    out = ok(carnet("client", "add", "--last-name", "Caradec", "--first-name", "Anne",
                    "--organisation", "Étude Caradec", "--civility", "Maître", "--address",
                    "2 rue Royale", "--postcode", "45000", "--city", "Orléans", "--country",
                    "France", "--email", "etude@example.org", "--phone", "02 38",
                    "--language", "en", data=data))
    assert out == "3"
    with reopened(data) as book:
        client = book.client(3)
    assert (client.civility, client.organisation, client.address_lines, client.language) == \
        ("Maître", "Étude Caradec", ["2 rue Royale"], "en")
    assert client.created == TODAY
    shown = as_json(carnet("client", "add", "--last-name", "Holloway", "--json", data=data))
    assert shown["id"] == 4 and shown["last_name"] == "Holloway"


@pytest.mark.parametrize("argv, words", [
    (("--first-name", "Anne"), ("--last-name",)),
    (("--last-name", "X", "--civility", "Sir"), ("--civility",)),
    (("--last-name", "X", "--email", "@"), ("email",)),
    (("--last-name", "X\nY"), ("last_name", "one line")),
])
def test_client_add_refuses_bad_values(data, argv, words):
    assert_bad_input(carnet("client", "add", *argv, data=data), *words)
    with reopened(data) as book:
        assert len(book.clients()) == 2


# -- orders and their dates ----------------------------------------------------

def test_order_add_prints_the_next_reference_of_the_year(data):
    out = ok(carnet("order", "add", "2", "--title", "Registres paroissiaux", "--due", "1/12/2026",
                    "--price", "1 250,50", "--scope", "Transcription des baptêmes",
                    "--status", "in progress", data=data))
    assert out == "2026-002"
    with reopened(data) as book:
        order = book.order("2026-002")
    assert (order.client_id, order.due, order.received, order.price, order.status) == \
        (2, date(2026, 12, 1), TODAY, Decimal("1250.50"), "in progress")
    assert order.scope == "Transcription des baptêmes"
    shown = as_json(carnet("order", "add", "1", "--title", "Testament", "--due", "+7", "--json",
                           data=data))
    assert shown["ref"] == "2026-003" and shown["due"] == "2026-11-30"
    assert shown["client"] == "Henri Lefèvre" and shown["status"] == "accepted"


@pytest.mark.parametrize("argv, words", [
    (("9", "--title", "T", "--due", "2026-12-01"), ("no client with id 9",)),
    (("1", "--title", "T", "--due", "2026-12-32"), ("--due", "2026-12-32")),
    (("1", "--title", "T", "--due", "someday"), ("--due", "someday")),
    (("1", "--title", "T", "--due", "2026-11-01"), ("due date", "before")),
    (("1", "--title", "T", "--due", "2026-12-01", "--status", "paid"), ("--status",)),
    (("1", "--title", " ", "--due", "2026-12-01"), ("title",)),
    (("1", "--title", "T", "--due", "2026-12-01", "--price", "cher"), ("price",)),
    (("1", "--title", "T"), ("--due",)),
])
def test_order_add_refuses_bad_input(data, argv, words):
    assert_bad_input(carnet("order", "add", *argv, data=data), *words)
    with reopened(data) as book:
        assert len(book.orders()) == 1


def test_postpone_moves_the_date_and_keeps_why(data):
    out = ok(carnet("postpone", "2026-001", "2026-12-04", "--reason", "Registre illisible",
                    "--cause", "other", data=data))
    assert out.startswith("2026-001") and "2026-12-04" in out
    with reopened(data) as book:
        order = book.order("2026-001")
    assert order.due == date(2026, 12, 4) and order.due_original == date(2026, 11, 15)
    [moved] = order.postponements
    assert (moved.on, moved.reason, moved.cause) == (TODAY, "Registre illisible", "other")
    assert_bad_input(carnet("postpone", "2026-001", "2026-12-01", "--reason", "r", data=data),
                     "before the current due date")
    assert_bad_input(carnet("postpone", "2026-001", "2026-12-20", data=data), "--reason")
    assert_bad_input(carnet("postpone", "2026-404", "2026-12-20", "--reason", "r", data=data),
                     "2026-404")


def test_pause_and_resume_stop_and_restart_the_clock(data):
    assert "paused" in ok(carnet("pause", "2026-001", "--on", "2026-11-20", data=data))
    assert_bad_input(carnet("pause", "2026-001", data=data), "already paused")
    assert as_json(carnet("overdue", "--json", data=data))[0]["paused_days"] == 3
    shown = as_json(carnet("resume", "2026-001", "--json", data=data))
    assert shown["paused"] is False
    with reopened(data) as book:
        [pause] = book.order("2026-001").pauses
    assert (pause.start, pause.end) == (date(2026, 11, 20), TODAY)
    assert_bad_input(carnet("resume", "2026-001", data=data), "not paused")


def test_deliver_then_paid(data):
    assert_bad_input(carnet("paid", "2026-001", data=data), "deliver it first")
    assert ok(carnet("deliver", "2026-001", "--on", "2026-11-22", data=data)) == \
        "2026-001 delivered on 2026-11-22"
    assert_bad_input(carnet("deliver", "2026-001", data=data), "delivered")
    shown = as_json(carnet("paid", "2026-001", "--json", "--today", "2026-12-01", data=data))
    assert (shown["status"], shown["delivered"], shown["paid"]) == \
        ("paid", "2026-11-22", "2026-12-01")
    [asking] = as_json(carnet("followups", "--json", data=data))
    assert asking["due"] == "2026-11-29" and asking["order"] == "2026-001"


# -- the relationship ----------------------------------------------------------

def test_log_keeps_the_exchange_on_the_timeline(data):
    out = ok(carnet("log", "1", "complaint", "Toujours rien reçu", "--order", "2026-001",
                    "--channel", "phone", "--satisfaction", "2", data=data))
    with reopened(data) as book:
        [logged] = book.interactions()
    assert out == str(logged.id)
    assert (logged.kind, logged.channel, logged.direction, logged.order_ref,
            logged.satisfaction, logged.when.date()) == \
        ("complaint", "phone", "in", "2026-001", 2, TODAY)
    shown = as_json(carnet("log", "2", "praise", "Merci", "--direction", "out", "--json",
                           data=data))
    assert shown["kind"] == "praise" and shown["client_id"] == 2


def test_a_promised_call_back_becomes_a_follow_up_on_its_day(data):
    ok(carnet("log", "1", "call-back promised", "Rappeler avec une date ferme",
              "--due", "2026-11-25", data=data))
    [row] = as_json(carnet("followups", "--json", data=data))
    assert row["what"] == "Rappeler avec une date ferme" and row["due"] == "2026-11-25"
    assert row["days_late"] == -2 and row["purpose"] == "call-back"
    board = as_json(carnet("dashboard", "--json", data=data))
    assert board["followups"] == []
    later = as_json(carnet("dashboard", "--json", "--today", "2026-11-26", data=data))
    assert [f["id"] for f in later["followups"]] == [row["id"]]


@pytest.mark.parametrize("argv, words", [
    (("1", "call-back promised", "Rappeler"), ("due",)),
    (("1", "note", "x", "--due", "2026-11-30"), ("only a promised call-back",)),
    (("1", "call-back promised", "x", "--due", "2026-11-01"), ("before",)),
    (("1", "gossip", "x"), ("KIND",)),
    (("1", "note", "x", "--satisfaction", "7"), ("satisfaction", "between 1 and 5")),
    (("2", "note", "x", "--order", "2026-001"), ("another client",)),
    (("9", "note", "x"), ("no client with id 9",)),
    (("1", "note", "x", "--order", "2026-404"), ("2026-404",)),
    (("1", "note", "x", "--channel", "pigeon"), ("--channel",)),
])
def test_log_refuses_bad_input(data, argv, words):
    assert_bad_input(carnet("log", *argv, data=data), *words)
    with reopened(data) as book:
        assert not book.interactions() and not book.followups()


def test_followup_add_list_and_done(data):
    first = ok(carnet("followup", "add", "1", "Envoyer le devis", "--due", "2026-11-20",
                      "--order", "2026-001", data=data))
    second = ok(carnet("followup", "add", "2", "Appeler l'étude", "--due", "2026-11-28",
                       data=data))
    rows = as_json(carnet("followups", "--json", data=data))
    assert [r["id"] for r in rows] == [int(first), int(second)]
    assert {"id", "client_id", "client", "what", "due", "days_late", "order", "done"} <= \
        rows[0].keys()
    assert (rows[0]["client"], rows[0]["days_late"], rows[0]["order"], rows[0]["done"]) == \
        ("Henri Lefèvre", 3, "2026-001", None)
    assert "Envoyer le devis" in ok(carnet("followups", data=data))
    assert ok(carnet("followup", "done", first, data=data)) == f"{first} done on 2026-11-23"
    assert [r["id"] for r in as_json(carnet("followups", "--json", data=data))] == [int(second)]
    assert_bad_input(carnet("followup", "done", first, data=data), "already done")
    assert_bad_input(carnet("followup", "done", "99", data=data), "99")
    assert_bad_input(carnet("followup", "add", "1", "x", data=data), "--due")
    assert_bad_input(carnet("followup", "add", "2", "x", "--due", "+1", "--order", "2026-001",
                            data=data), "another client")
    assert ok(carnet("followup", "done", second, "--json", data=data)).startswith("{")
    assert ok(carnet("followups", data=data)) == "No open follow-up on 2026-11-23."


# -- recovery plans and the dashboard --------------------------------------------

PLAN_KEYS = {"ref", "client_id", "what", "cause", "opened", "apologised", "fixed", "followed_up",
             "feedback_asked", "feedback_received", "closed", "next"}


def plan(data: Path) -> dict:
    return as_json(carnet("incident", "show", "2026-001", "--json", data=data))


def test_a_plan_opened_then_walked_step_by_step(data):
    out = ok(carnet("incident", "open", "2026-001", "--what", "Deux pages oubliées", data=data))
    assert out == "2026-001 recovery plan opened; next: apologise"
    shown = plan(data)
    assert PLAN_KEYS <= shown.keys()
    assert (shown["opened"], shown["apologised"], shown["closed"], shown["next"]) == \
        ("2026-11-23", None, None, "apologise")
    assert_bad_input(carnet("incident", "open", "2026-001", "--what", "x", data=data),
                     "already has an open recovery plan")
    for step, note, expected in (("apologised", None, "fix"),
                                 ("fixed", "Les deux pages ajoutées", "follow up"),
                                 ("followed_up", "Résumé offert", "ask for feedback"),
                                 ("feedback_asked", None, "hear feedback"),
                                 ("feedback_received", "« Parfait »", "close")):
        argv = ("--note", note) if note else ()
        assert ok(carnet("incident", "step", "2026-001", step, *argv, data=data)).endswith(
            f"next: {expected}")
        assert plan(data)["next"] == expected
    shown = plan(data)
    assert (shown["solution"], shown["gesture"], shown["feedback"]) == \
        ("Les deux pages ajoutées", "Résumé offert", "« Parfait »")
    with reopened(data) as book:
        assert [i.kind for i in book.interactions()] == ["gesture given", "feedback"]
    assert_bad_input(carnet("incident", "close", "2026-001", data=data), "--lesson")
    closed = as_json(carnet("incident", "close", "2026-001", "--lesson", "Compter les pages",
                            "--json", data=data))
    assert closed["closed"] == "2026-11-23" and closed["next"] is None
    with reopened(data) as book:
        assert [lesson.text for lesson in book.lessons()] == ["Compter les pages"]
    assert "Lesson: Compter les pages" in ok(carnet("incident", "show", "2026-001", data=data))
    assert_bad_input(carnet("incident", "step", "2026-001", "fixed", data=data), "closed")


@pytest.mark.parametrize("argv, words", [
    (("step", "2026-001", "fixed"), ("fixed comes after apologised",)),
    (("step", "2026-001", "apologised", "--note", "x"), ("note", "carries no note")),
    (("step", "2026-001", "forgiven"), ("STEP",)),
    (("step", "2026-404", "apologised"), ("2026-404",)),
    (("close", "2026-001", "--lesson", " "), ("lesson",)),
    (("open", "2026-001", "--what", "x", "--cause", "fate"), ("--cause",)),
])
def test_incident_refuses_bad_input(data, argv, words):
    ok(carnet("incident", "open", "2026-001", "--what", "Retard", data=data))
    assert_bad_input(carnet("incident", *argv, data=data), *words)
    assert plan(data)["next"] == "apologise"


def test_incident_show_of_an_order_without_a_plan(data):
    assert_bad_input(carnet("incident", "show", "2026-001", data=data), "no recovery plan")
    assert_bad_input(carnet("incident", "show", "2026-404", data=data), "2026-404")
    assert_bad_input(carnet("incident", "open", "2026-404", "--what", "x", data=data), "2026-404")


def test_the_dashboard_shows_what_needs_attention_today(data):
    ok(carnet("order", "add", "2", "--title", "Registres", "--due", "2026-11-27", data=data))
    ok(carnet("followup", "add", "2", "Appeler l'étude", "--due", "2026-11-23", data=data))
    ok(carnet("followup", "add", "2", "Plus tard", "--due", "2026-11-24", data=data))
    ok(carnet("incident", "open", "2026-001", "--what", "Retard", data=data))
    board = as_json(carnet("dashboard", "--json", data=data))
    assert {"today", "overdue", "followups", "plans", "due_soon", "look_after",
            "milestones"} <= board.keys()
    assert board["today"] == "2026-11-23"
    assert board["overdue"] == as_json(carnet("overdue", "--json", data=data))
    assert [f["what"] for f in board["followups"]] == ["Appeler l'étude"]
    assert [(p["ref"], p["client"], p["what"], p["next"]) for p in board["plans"]] == \
        [("2026-001", "Henri Lefèvre", "Retard", "apologise")]
    assert [o["ref"] for o in board["due_soon"]] == ["2026-002"]
    text = ok(carnet("dashboard", data=data))
    assert "Overdue (1)" in text and "next: apologise" in text and "Due within 7 days" in text


def test_the_dashboard_names_clients_to_look_after(data):
    ok(carnet("deliver", "2026-001", data=data))
    board = as_json(carnet("dashboard", "--json", data=data))
    assert [(r["client_id"], r["client"]) for r in board["look_after"]] == [(1, "Henri Lefèvre")]
    assert {"client_id", "client", "reason"} <= board["look_after"][0].keys()



@pytest.mark.parametrize("argv", [
    ("deliver", "2026-001", "--on", "2026-11-30"),
    ("pause", "2026-001", "--on", "2026-11-24"),
])
def test_what_is_recorded_as_done_cannot_be_dated_in_the_future(data, argv):
    """A delivery dated next week would count as on-time work and revenue today."""
    assert_bad_input(carnet(*argv, data=data), "is after today (23 Nov 2026)")
    with reopened(data) as book:
        assert book.order("2026-001").status == "accepted" and not book.order("2026-001").pauses

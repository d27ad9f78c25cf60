"""DOMAIN.md §1 and §3 from the command line alone: a missed deadline, the apology with a new
date, the recovery plan walked step by step, the feedback heard, the plan closed — and at
every point `dashboard --json` agrees with the listings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import assert_bad_input, carnet

REF = "2026-001"


class Paleographer:
    """Claire at her terminal: every command is `python app.py --data BOOK --today DAY …`."""

    def __init__(self, data: Path):
        self.data = data
        self.today = "2026-11-01"

    def on(self, day: str) -> Paleographer:
        self.today = day
        return self

    def run(self, *args: str):
        return carnet(*args, "--today", self.today, data=self.data)

    def does(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def reads(self, *args: str):
        return json.loads(self.does(*args, "--json"))

    def dashboard(self) -> dict:
        """The dashboard, checked against the listings it summarises."""
        board = self.reads("dashboard")
        assert board["today"] == self.today
        assert board["overdue"] == self.reads("overdue")
        due = [f for f in self.reads("followups") if f["days_late"] >= 0]
        assert board["followups"] == due
        for line in board["plans"]:
            assert line["next"] == self.reads("incident", "show", line["ref"])["next"]
        return board

    def plan(self) -> dict:
        return self.reads("incident", "show", REF)


@pytest.fixture(scope="module")
def claire(tmp_path_factory) -> Paleographer:
    return Paleographer(tmp_path_factory.mktemp("story") / "book")


def test_1_claire_starts_her_book_and_her_letterhead(claire):
    assert "Started an empty book" in claire.does("init")
    claire.does("profile", "set", "--name", "Claire Vasseur", "--trade", "Paléographe",
                "--address", "12 rue des Carmes", "--postcode", "45000", "--city", "Orléans",
                "--email", "claire@example.org", "--siret", "12345678200010",
                "--legal-form", "EI", "--letter-city", "Orléans", "--language", "fr")
    assert claire.reads("profile", "set", "--phone", "02 38 00 00 00")["legal_form"] == "EI"


def test_2_henri_orders_the_transcription_of_an_act_of_1523(claire):
    henri = claire.does("client", "add", "--civility", "M.", "--first-name", "Henri",
                        "--last-name", "Lefèvre", "--address", "3 place du Martroi",
                        "--postcode", "45000", "--city", "Orléans", "--language", "fr")
    assert henri == "1"
    assert claire.does("order", "add", henri, "--title", "Acte de vente, 1523",
                       "--due", "2026-11-15", "--price", "180",
                       "--scope", "Transcription intégrale de l'acte, quatre pages") == REF
    board = claire.dashboard()
    assert board["overdue"] == [] and board["plans"] == []


def test_3_the_deadline_passes_and_henri_is_angry(claire):
    claire.on("2026-11-23")
    [late] = claire.reads("overdue")
    assert (late["ref"], late["client"], late["due"], late["days_late"]) == \
        (REF, "Henri Lefèvre", "2026-11-15", 8)
    claire.does("log", "1", "complaint", "Toujours rien reçu, c'est inadmissible",
                "--order", REF, "--channel", "phone")
    assert [o["ref"] for o in claire.dashboard()["overdue"]] == [REF]


def test_4_a_written_apology_that_gives_the_new_date(claire):
    assert_bad_input(claire.run("letter", "apology", REF), "--new-date")
    path = claire.does("letter", "apology", REF, "--new-date", "2026-12-04")
    assert path.endswith(".pdf") and Path(path).is_file()
    [order] = [o for o in claire.reads("orders") if o["ref"] == REF]
    assert order["due"] == "2026-12-04"
    assert claire.reads("overdue") == []
    assert claire.dashboard()["overdue"] == []


def test_5_the_recovery_plan_opens_with_the_apology_already_counted(claire):
    opened = claire.does("incident", "open", REF, "--what", "Livré en retard: la date promise "
                         "du 15 novembre n'a pas été tenue")
    assert opened.endswith("next: fix")
    plan = claire.plan()
    assert (plan["apologised"], plan["next"]) == ("2026-11-23", "fix")
    assert [(p["ref"], p["next"]) for p in claire.dashboard()["plans"]] == [(REF, "fix")]


def test_6_she_asks_what_would_be_fair_and_fixes_it(claire):
    claire.does("incident", "step", REF, "fixed", "--note", "Transcription terminée en priorité; "
                "le résumé en français moderne qu'il demande sera offert")
    assert claire.plan()["next"] == "follow up"
    claire.does("log", "1", "request", "Un court résumé de l'acte en français moderne",
                "--order", REF)
    claire.does("log", "1", "call-back promised", "L'appeler dès l'envoi", "--order", REF,
                "--due", "2026-12-03")
    [call] = claire.reads("followups")
    assert (call["what"], call["due"], call["days_late"]) == ("L'appeler dès l'envoi",
                                                              "2026-12-03", -10)
    assert claire.dashboard()["followups"] == []


def test_7_the_work_is_delivered_and_she_calls_as_promised(claire):
    claire.on("2026-12-03")
    assert [f["what"] for f in claire.dashboard()["followups"]] == ["L'appeler dès l'envoi"]
    claire.does("deliver", REF)
    [call] = claire.dashboard()["followups"]
    claire.does("followup", "done", str(call["id"]))
    [asking] = claire.reads("followups")
    assert (asking["order"], asking["due"], asking["purpose"]) == (REF, "2026-12-10",
                                                                   "ask feedback")
    assert claire.dashboard()["followups"] == []


def test_8_a_follow_up_letter_checks_the_fix_met_his_expectations(claire):
    claire.does("letter", "follow-up", REF)
    assert claire.plan()["followed_up"] == "2026-12-03"
    assert claire.plan()["next"] == "ask for feedback"
    [hearing] = claire.reads("followups")
    assert (hearing["purpose"], hearing["due"]) == ("hear feedback", "2026-12-17")
    claire.does("log", "1", "gift received", "Un carnet de timbres", "--order", REF)
    assert [(p["ref"], p["next"]) for p in claire.dashboard()["plans"]] == \
        [(REF, "ask for feedback")]


def test_9_she_asks_for_his_feedback_actively(claire):
    claire.on("2026-12-10")
    claire.does("letter", "feedback", REF)
    plan = claire.plan()
    assert (plan["feedback_asked"], plan["next"]) == ("2026-12-10", "hear feedback")
    assert all(f["purpose"] == "hear feedback" for f in claire.reads("followups"))
    assert [p["next"] for p in claire.dashboard()["plans"]] == ["hear feedback"]


def test_10_henri_answers_and_the_plan_is_ready_to_close(claire):
    claire.on("2026-12-15")
    claire.does("log", "1", "feedback", "Très satisfait, et merci pour le résumé",
                "--order", REF, "--satisfaction", "5")
    plan = claire.plan()
    assert (plan["feedback_received"], plan["next"]) == ("2026-12-15", "close")
    assert claire.reads("followups") == []
    board = claire.dashboard()
    assert [p["next"] for p in board["plans"]] == ["close"] and board["followups"] == []


def test_11_the_plan_closes_with_a_lesson(claire):
    claire.does("incident", "close", REF, "--lesson", "Prévenir avant l'échéance, avec une "
                "date ferme")
    plan = claire.plan()
    assert (plan["closed"], plan["next"]) == ("2026-12-15", None)
    board = claire.dashboard()
    assert board["plans"] == [] and board["overdue"] == [] and board["followups"] == []


def test_12_he_stays_and_orders_again(claire):
    claire.on("2027-01-12")
    assert claire.does("order", "add", "1", "--title", "Bail à ferme, 1611",
                       "--due", "2027-02-01", "--price", "220") == "2027-001"
    assert claire.dashboard()["plans"] == []

"""The benchmark's machinery works on a tiny book: figures present and sound, never timings."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from benchmarks import run, synth
from benchmarks.adapters import SqliteBook, StockTinyBook
from benchmarks.report import Row, percentile, render
from benchmarks.workbench import Workbench
from benchmarks.writes import Targets, time_writes
from store.book import Book
from store.deadlines import days_late, overdue, tolerance_for

TINY = replace(synth.QUICK, name="tiny", clients=12, orders=80, interactions=150, years=2)


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Workbench:
    cache = tmp_path_factory.mktemp("cache")
    original = synth.CACHE
    synth.CACHE = cache
    try:
        yield Workbench.prepare(TINY, tmp_path_factory.mktemp("bench"), quick=True)
    finally:
        synth.CACHE = original


def test_the_synthetic_book_is_deterministic_and_opens_as_a_carnet_book(bench, tmp_path):
    assert synth.build_tables(TINY) == bench.tables
    book = Book(bench.carnet, read_only=True)
    assert len(book.clients()) == 12 and len(book.orders()) == 80
    assert len(book.interactions()) == 150
    refs = [order.ref for order in book.orders()]
    assert len(set(refs)) == len(refs)
    statuses = {order.status for order in book.orders()}
    assert {"paid", "delivered"} <= statuses and any(o.is_open for o in book.orders())
    assert all(0 < order.client_id <= 12 for order in book.orders())
    late = overdue(book.orders(), book.clients_by_id(), book.profile, TINY.today)
    assert late, "the dashboard the benchmark times has overdue work to show"
    clients = book.clients_by_id()
    assert {line.order.ref for line in late} == {
        order.ref for order in book.orders() if order.is_open and days_late(order, TINY.today)
        > tolerance_for(clients.get(order.client_id), book.profile)}
    assert [line.days_late for line in late] == sorted((line.days_late for line in late),
                                                       reverse=True)


def test_the_baselines_hold_the_same_records(bench):
    for book in (StockTinyBook(bench.stock), SqliteBook(bench.sqlite)):
        try:
            assert [o.ref for o in book.orders()] == [o.ref for o in Book(
                bench.carnet, read_only=True).orders()]
            assert book.profile.name == "Claire Vasseur"
        finally:
            book.close()


@pytest.mark.parametrize("kind", ["stock", "sqlite"])
def test_the_overdue_listing_runs_on_every_baseline_as_on_carnet(bench, kind):
    from store.listing import overdue_rows
    book = bench.open(kind)
    carnet = Book(bench.carnet, read_only=True)
    try:
        assert overdue_rows(book, TINY.today) == overdue_rows(carnet, TINY.today)
    finally:
        book.close()
        carnet.close()


@pytest.mark.parametrize("kind", ["carnet", "stock", "sqlite"])
def test_writes_go_through_the_store_operations_on_every_storage(bench, kind):
    book = bench.open(kind)
    try:
        targets = Targets.of(book)
        before = len(book.interactions())
        times = time_writes(book, targets, TINY.today, 3)
        assert len(times.log) == len(times.postpone) == 3
        assert all(t > 0 for t in times.log + times.postpone)
        assert len(book.interactions()) == before + 3
    finally:
        book.close()


def test_the_report_lists_every_section_as_rows_and_json(bench):
    rows = run.book_rows(bench, ("open", "writes", "fold", "letters"), lambda _: None)
    figures = [row.figure for row in rows]
    assert "open + dashboard" in figures and "peak memory (open + dashboard)" in figures
    assert "write p99: postpone a date" in figures
    for row in rows:
        data = row.as_json()
        json.dumps(data)
        if row.skipped:
            assert row.carnet is None
            continue
        assert row.carnet is not None and row.carnet > 0
        assert all(b["value"] is None or b["ratio"] > 0 for b in data["baselines"])
    memory = next(row for row in rows if row.figure.startswith("peak memory"))
    assert memory.unit == "B" and memory.carnet > 1024 * 1024
    assert "open + dashboard" in render("tiny", rows)


def test_a_failing_section_is_reported_as_skipped_not_raised(bench, monkeypatch):
    def broken(_bench):
        raise RuntimeError("nothing to see")
    monkeypatch.setattr(run, "_sections", lambda: {"open": broken})
    rows = run.book_rows(bench, ("open",), lambda _: None)
    assert rows[0].skipped == "RuntimeError: nothing to see"
    assert "skipped: RuntimeError" in render("tiny", rows)


def test_percentiles_and_budget_verdicts():
    assert percentile([5, 1, 3, 2, 4], 50) == 3
    assert percentile(list(range(1, 101)), 99) == 99
    assert Row("b", "f", budget=1.0, carnet=0.5).judge().met is True
    assert Row("b", "f", budget=1.0, carnet=1.5).judge().met is False
    assert Row("b", "f", carnet=1.5).judge().met is None

"""Dates written in report sentences: "on November 28", "le 2 décembre", "am 28. November",
"28 листопада", "28 ноября", "2025-11-28"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.prefixed import finditer_window, prefixed

MONTH_NUMBERS: dict[str, int] = {}
for number, names in enumerate(
    (
        "january janvier januar січня січень января январь jan",
        "february février fevrier februar лютого лютий февраля февраль feb",
        "march mars märz maerz березня березень марта март mar",
        "april avril квітня квітень апреля апрель apr",
        "may mai травня травень мая май",
        "june juin juni червня червень июня июнь jun",
        "july juillet juli липня липень июля июль jul",
        "august août aout серпня серпень августа август aug",
        "september septembre вересня вересень сентября сентябрь sep sept",
        "october octobre oktober жовтня жовтень октября октябрь oct okt",
        "november novembre листопада листопад ноября ноябрь nov",
        "december décembre decembre dezember грудня грудень декабря декабрь dec dez",
    ),
    start=1,
):
    for name in names.split():
        MONTH_NUMBERS[name] = number

_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
# "November 28", "Nov. 28, 2025"
_MONTH_DAY = prefixed(
    re.compile(
        rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE
    )
)
# "28 November", "le 2 décembre", "am 28. November", "28 листопада 2025"
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:er|\.)?\s+({_MONTH})\b\.?(?:\s+(\d{{4}}))?", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def dates_in(
    text: str, report_date: date, start: int = 0, end: int | None = None
) -> list[tuple[int, int, date]]:
    """(start, end, date) for each date written in text[start:end] (positions in it). A date
    without a year takes the latest year that does not put it after the report date."""
    found: list[tuple[int, int, date]] = []
    end = len(text) if end is None else end
    digit = _DIGIT.search(text, start, end)
    if digit is None:
        return found
    window = text[start:end]
    # (the ISO and day-first dates start at a digit: `re` reads the window from its first one
    # on, the words before it still seen by their `\b`)
    first = digit.start() - start
    for match in _ISO.finditer(window, first) if "-" in window else ():  # (one C look)
        parsed = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if parsed:
            found.append((match.start(), match.end(), parsed))
    # (day first before month first: "am 9. Dezember 27 russische Angriffe" is 9 December,
    # not 27 December)
    for matches, day_group, month_group in (
        (_DAY_MONTH.finditer(window, first), 1, 2),
        (finditer_window(_MONTH_DAY, text, start, end), 2, 1),
    ):
        for match in matches:
            if found and any(s < match.end() and match.start() < e for s, e, _ in found):
                continue  # (most sentences hold one date: nothing found before it)
            month = MONTH_NUMBERS[match.group(month_group).lower()]
            day = int(match.group(day_group))
            year = int(match.group(3)) if match.group(3) else None
            parsed = _with_year(day, month, year, report_date)
            if parsed:
                found.append((match.start(), match.end(), parsed))
    return sorted(found)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(day: int, month: int, year: int | None, report_date: date) -> date | None:
    if year is not None:
        return _make(year, month, day)
    candidate = _make(report_date.year, month, day)
    if candidate is None:
        return None
    # (a day or a few after the report's, this year or at the turn of the next, is a slip of
    # the report's date, not last year: "On December 2" in a report dated 1 December)
    ahead = [c for c in (candidate, _make(report_date.year + 1, month, day)) if c]
    if any(0 < (c - report_date).days <= _SLIP_DAYS for c in ahead):
        return report_date
    if candidate > report_date:
        candidate = _make(report_date.year - 1, month, day)
    return candidate


_SLIP_DAYS = 7


# Weekdays and the days next to the report's, as reports write them ("on Tuesday", "am
# Dienstag", "во вторник", "у вівторок", "mardi", "yesterday"): Monday is 0.
WEEKDAYS: dict[str, int] = {}
for number, names in enumerate(
    (
        "monday lundi montag понеділок понеділка понедельник",
        "tuesday mardi dienstag вівторок вівторка вторник",
        "wednesday mercredi mittwoch середу середа середи среду среда",
        "thursday jeudi donnerstag четвер четверга четверг",
        "friday vendredi freitag пʼятницю п'ятницю п’ятницю пʼятниця п'ятниця пятницу пятница",
        "saturday samedi samstag sonnabend суботу субота субботу суббота",
        "sunday dimanche sonntag неділю неділя воскресенье",
    )
):
    for name in names.split():
        WEEKDAYS[name] = number
DAYS_BACK = {
    "yesterday": 1,
    "hier": 1,
    "gestern": 1,
    "вчора": 1,
    "учора": 1,
    "вчера": 1,
    "today": 0,
    "aujourd'hui": 0,
    "heute": 0,
    "сьогодні": 0,
    "сегодня": 0,
}
_RELATIVE = prefixed(
    re.compile(
        r"(?<![\w'’ʼ])("
        + "|".join(re.escape(n) for n in sorted([*WEEKDAYS, *DAYS_BACK], key=len, reverse=True))
        + r")(?![\w'’ʼ])",
        re.IGNORECASE,
    )
)


def relative_dates(
    text: str, report_date: date, start: int = 0, end: int | None = None
) -> list[tuple[int, int, date]]:
    """(start, end, date) for each weekday or "yesterday" in text[start:end] (positions in
    it): the most recent such day on or before the report date."""
    found = []
    end = len(text) if end is None else end
    for match in finditer_window(_RELATIVE, text, start, end):
        word = match.group(1).lower().replace("’", "'").replace("ʼ", "'")
        word = word if word in DAYS_BACK or word in WEEKDAYS else word.replace("'", "ʼ")
        if word in DAYS_BACK:
            back = DAYS_BACK[word]
        else:
            back = (report_date.weekday() - WEEKDAYS[word]) % 7
        found.append((match.start(), match.end(), report_date - timedelta(days=back)))
    return found

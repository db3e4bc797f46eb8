"""One report limit, said the same way by the CLI and the dashboard: 1,000,000 characters of
text in a file of at most 10 MB. Over it, `tracker extract` refuses before reading the file
(bounded memory for any size); a file in another encoding is named."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.model import MAX_REPORT_BYTES, MAX_REPORT_CHARS


def extract(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args, "--date", "2025-12-01"], input=input)


def refused(result, *words: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("Error: "), result.stderr
    for word in words:
        assert word in line, line
    return line


def test_text_over_the_character_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    sentence = "Russian forces attacked Pokrovsk. "
    path.write_text((sentence * (MAX_REPORT_CHARS // len(sentence) + 1))[: MAX_REPORT_CHARS + 1])
    refused(extract(str(path)), "1,000,001 characters", "the limit is 1,000,000 characters")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 4 GB that take no disk and are never read
        handle.truncate(4_000_000_000)
    refused(extract(str(path)), "4000.0 MB", "the limit is 10 MB", "1,000,000 characters")


def test_standard_input_over_the_limit_is_refused():
    refused(extract("-", input=b"a" * (MAX_REPORT_BYTES + 1)), "the limit is 10 MB")


@pytest.mark.parametrize(
    "text, encoding, found",
    [
        ("Les forces russes ont attaqué Pokrovsk près de Koupiansk.", "latin-1", "Latin-1"),
        ("Російські війська атакували Покровськ.", "cp1251", "Windows-1251"),
        ("Russian forces attacked Pokrovsk.", "utf-16", "UTF-16"),
    ],
)
def test_a_report_in_another_encoding_is_named(tmp_path, text, encoding, found):
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    refused(extract(str(path)), found, "expected encoding is UTF-8")


@pytest.mark.parametrize("date", ["2025-12-01garbage", "2025-12-01T99:99:99<script>", "1e400"])
def test_a_bad_report_date_is_refused(tmp_path, date):
    path = tmp_path / "r.txt"
    path.write_text("Russian forces attacked Pokrovsk.")
    result = CliRunner().invoke(main, ["extract", str(path), "--date", date])
    refused(result, "--date")


def test_uploads_in_the_dashboard_meet_the_same_limit():
    from tracker.documents import report_text  # what Ingest calls on an upload
    from tracker.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="the limit is 10 MB") as caught:
        report_text("big.txt", b"a" * (MAX_REPORT_BYTES + 1))
    assert "1,000,000 characters" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "mentions", "regions"),
    [
        # shapes that once made the extractor quadratic or worse (found by review): each is
        # read in full, in well under the test timeout, every name a mention
        ("Біля Покровська, Мирнограда, " * 2000 + "бої.", 4000, 0),
        ("near Pokrovsk, " * 2000 + "in Donetsk Oblast.", 2001, 1),
        # the region word is shared by the last few adjectives only
        ("Курской, " * 2000 + "Курской и Брянской областей.", 2002, 10),
        ("Pokrovsk-" * 2000 + "Lyman", 2001, 0),
    ],
    ids=["list", "list-then-region", "shared-region-word", "hyphens"],
)
def test_long_lists_are_read_in_full(text, mentions, regions):
    from datetime import date

    from tracker.extract import extract

    found = extract(text, report_date=date(2025, 12, 3)).mentions
    assert len(found) == mentions
    assert sum(m.level == "region" for m in found) == regions

"""The ``bibconvert`` command: exit codes, messages, safety of outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convert.cli import app

runner = CliRunner()
GOOD = '[{"id": "a", "type": "book", "title": "A book", "issued": {"date-parts": [[2001]]}}]'


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_convert_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    result = run("convert", str(source), "--to", "csljson")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["title"] == "A book"


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "broken.json"
    source.write_text('[\n  {"id": "a",\n   "type": "book",,}\n]', encoding="utf-8")
    result = run("convert", str(source), "--to", "csljson")
    assert result.exit_code == 1
    assert f"{source}:3: error: invalid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_format_is_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    result = run("convert", str(source), "--to", "docx")
    assert result.exit_code == 2
    assert "unknown output format 'docx'" in result.stderr and "csljson" in result.stderr
    result = run("convert", str(source), "--from", "marc", "--to", "csljson")
    assert result.exit_code == 2
    assert "unknown input format 'marc'" in result.stderr


def test_missing_file_reported_and_others_still_converted(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "missing.json"
    result = run("convert", str(missing), str(source), "--to", "csljson")
    assert result.exit_code == 1
    assert f"{missing}: error: no such file" in result.stderr
    assert json.loads(result.stdout)[0]["id"] == "a"


def test_invalid_item_reported_with_index_id_and_line(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('[\n{"id": "ok", "type": "book"},\n{"id": "bad", "type": "book", "author": 5}\n]',
                      encoding="utf-8")
    result = run("convert", str(source), "--to", "csljson")
    assert result.exit_code == 1
    assert f"{source}:3: error: [bad] item 2: 'author' must be a list of names" in result.stderr
    items = json.loads(result.stdout)
    assert items[1]["custom"] == {"author": 5}  # nothing dropped


def test_strict_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('[{"id": "bad", "type": "book", "author": 5}]', encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("convert", str(source), "--to", "csljson", "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert not out.exists()


def test_refuses_to_overwrite_input(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    result = run("convert", str(source), "--to", "csljson", "-o", str(source))
    assert result.exit_code == 2
    assert "refusing to overwrite the input" in result.stderr
    assert source.read_text(encoding="utf-8") == GOOD


def test_output_written_atomically_and_format_from_extension(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("convert", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "a"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_stdin_and_several_inputs_merged_in_order(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    result = run("convert", "-", str(source), "--from", "csljson", "--to", "csljson",
                 input='{"id": "a", "type": "article", "title": "From stdin"}')
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [i["title"] for i in items] == ["From stdin", "A book"]
    assert [i["id"] for i in items] == ["a", "a-2"]
    assert "id 'a' occurs in more than one input" in result.stderr


def test_quiet_hides_warnings_not_errors(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('[{"id": "a", "type": "book", "foo": 1}, {"id": "b", "type": "book", "author": 3}]',
                      encoding="utf-8")
    result = run("convert", str(source), "--to", "csljson", "--quiet")
    assert ": warning:" not in result.stderr and ": error:" in result.stderr


def test_no_output_format_is_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    assert run("convert", str(source)).exit_code == 2
    assert run("convert", str(source), "-o", str(tmp_path / "out.xyz")).exit_code == 2


def test_formats_and_version() -> None:
    result = run("formats")
    assert result.exit_code == 0
    assert "csljson" in result.stdout and "read/write" in result.stdout
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("bibconvert ")


def test_help_has_examples() -> None:
    result = run("convert", "--help")
    assert result.exit_code == 0 and "Examples" in result.stdout


def test_console_script_internal_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An unexpected exception becomes one line and exit code 3 (no traceback without --debug)."""
    import convert.cli as cli

    def boom(*args, **kwargs):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(cli, "read_many", boom)
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["convert", str(source), "--to", "csljson"])
    assert exit_info.value.code == 3
    stderr = capsys.readouterr().err
    assert stderr.strip().splitlines() == [
        "bibconvert: internal error: ZeroDivisionError: simulated bug (rerun with --debug for details)"]
    with pytest.raises(ZeroDivisionError):
        cli.main(["convert", str(source), "--to", "csljson", "--debug"])


def test_installed_console_script_runs(tmp_path: Path) -> None:
    """The installed ``bibconvert`` entry point works as a real process (not only through CliRunner)."""
    script = Path(sys.executable).with_name("bibconvert")
    if not script.exists():
        pytest.fail("bibconvert console script is not installed next to the test interpreter")
    source = tmp_path / "in.json"
    source.write_text(GOOD, encoding="utf-8")
    done = subprocess.run([str(script), "convert", str(source), "--to", "csljson"], capture_output=True,
                          text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": ""}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"] == "a"


def test_protect_case_braces_title_words_and_warns_for_formats_without_titles_to_recase(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('[{"id": "n", "type": "book", "title": "A Short History of NATO"}]', encoding="utf-8")
    result = run("convert", str(source), "--to", "bibtex", "--protect-case")
    assert result.exit_code == 0
    assert "title = {A {Short} {History} of {NATO}}" in result.stdout
    assert "title = {A Short History of NATO}" in run("convert", str(source), "--to", "bibtex").stdout
    ris = run("convert", str(source), "--to", "ris", "--protect-case")
    assert ris.exit_code == 0 and "(--protect-case) has no effect on ris output" in ris.stderr

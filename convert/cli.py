"""The ``bibconvert`` command: a thin layer over :mod:`convert.api`.

It parses options, calls the API, prints diagnostics to stderr as ``FILE:LINE: severity: [ENTRY]
message`` and maps the outcome to the documented exit codes:

* 0 everything was converted;
* 1 some input could not be converted (each problem reported; the rest was still written,
  unless ``--strict``);
* 2 usage error (unknown option or format, output would overwrite an input);
* 3 internal error (a bug: one line on stderr; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, List, Optional

import typer

from . import __version__
from .api import read_many, write
from .diagnostics import BibconvertError, Diagnostic, UsageError
from .output import check_not_an_input, write_atomically
from .registry import default_registry

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Convert bibliographies: reference lists (Wikipedia, APA, ...), BibTeX/BibLaTeX, RIS, CSL-JSON "
         "-> CSL-JSON, BibTeX, BibLaTeX, RIS, HTML and plain text.",
)

_CONVERT_EPILOG = """Examples:

  bibconvert convert refs.bib --to ris -o refs.ris

  bibconvert convert page.txt --to csljson           (a pasted reference list)

  bibconvert convert a.bib b.ris --to bibtex -o all.bib

  cat refs.ris | bibconvert convert - --from ris --to html --style apa

  bibconvert convert refs.json --to text --style chicago-author-date --locale en-GB
"""


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"bibconvert {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """bibconvert: convert bibliographies between formats."""


@app.command(epilog=_CONVERT_EPILOG)
def convert(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Input files; '-' reads standard input."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Output format (see 'bibconvert formats'); "
                                                              "default: from the -o extension."),
    from_: Optional[str] = typer.Option(None, "--from", "-f", help="Input format; default: detected."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file; '-' or absent: stdout."),
    style: Optional[str] = typer.Option(None, "--style", "-s", help="CSL style name or .csl path (html, text)."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l", help="Locale such as en-US, de-DE (html, text)."),
    standalone: bool = typer.Option(False, "--standalone", help="A complete HTML page instead of a fragment."),
    ascii_: bool = typer.Option(False, "--ascii", help="BibTeX: escape non-ASCII characters as LaTeX."),
    protect_case: bool = typer.Option(False, "--protect-case",
                                      help="BibTeX: brace capitalised title words, for styles that lowercase titles."),
    parser: Optional[str] = typer.Option(None, "--parser", help="Reference lists: cs1, tagger or auto."),
    strict: bool = typer.Option(False, "--strict", help="Write nothing if any input has an error."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print warnings (errors still print)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    """Convert INPUT files (merged in order) to one output."""
    registry = default_registry()
    printer = _DiagnosticPrinter(quiet)
    try:
        to = _output_format(to, output)
        writer_spec = registry.get("writer", to)
        if from_:
            registry.get("reader", from_)
        output_path = None if output in (None, "-") else Path(output)
        if output_path is not None:
            check_not_an_input(output_path, [Path(i) for i in inputs if i != "-"])
    except BibconvertError as exc:
        printer.fatal(exc)
        raise typer.Exit(exc.exit_code) from None

    read_options: dict[str, Any] = {"parser": parser} if parser else {}
    sources: list[Any] = [sys.stdin.buffer if name == "-" else name for name in inputs]
    labels = ["<stdin>" if name == "-" else name for name in inputs]
    with _progress(len(inputs) > 3 and not quiet, len(inputs), "reading") as step:
        result = read_many(sources, from_, names=labels, progress=step, debug=debug, **read_options)
    printer.show(result.diagnostics)
    items = result.items
    failed = not result.ok

    if strict and failed:
        printer.note("--strict: nothing written because of the errors above")
        raise typer.Exit(EXIT_INPUT)
    if failed and not items:
        printer.note("nothing could be read; no output written")
        raise typer.Exit(EXIT_INPUT)

    # write() takes the options the writer knows and warns about the others.
    given: dict[str, Any] = {"style": style, "locale": locale, "standalone": standalone or None,
                             "ascii": ascii_ or None, "protect_case": protect_case or None}
    options: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    write_report: list[Diagnostic] = []
    try:
        with _progress(len(items) > 500 and not quiet, len(items), "writing") as step:
            text = write(items, writer_spec.name, diagnostics=write_report, progress=step, debug=debug,
                             extras=result.extras, **options)
    except BibconvertError as exc:
        printer.fatal(exc)
        raise typer.Exit(exc.exit_code) from None
    printer.show(write_report)
    if strict and any(d.severity == "error" for d in write_report):
        printer.note("--strict: nothing written because of the errors above")
        raise typer.Exit(EXIT_INPUT)
    try:
        if output_path is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            write_atomically(output_path, text)
    except OSError as exc:
        printer.fatal(BibconvertError(f"cannot write output: {exc.strerror or exc}", file=output))
        raise typer.Exit(EXIT_INPUT) from None
    if failed or any(d.severity == "error" for d in write_report):
        raise typer.Exit(EXIT_INPUT)


@app.command()
def formats() -> None:
    """List every input and output format with its extensions."""
    registry = default_registry()
    rows: dict[str, dict[str, Any]] = {}
    for direction in ("reader", "writer"):
        for spec in registry.all(direction):
            row = rows.setdefault(spec.name, {"dirs": [], "ext": [], "desc": spec.description})
            row["dirs"].append("read" if direction == "reader" else "write")
            row["ext"].extend(e for e in spec.extensions if e not in row["ext"])
    width = max(len(n) for n in rows) + 2
    ext_width = max(len(' '.join(r['ext'])) for r in rows.values()) + 2
    typer.echo(f"{'format':<{width}}{'direction':<12}{'extensions':<{ext_width}}description")
    for name, row in sorted(rows.items()):
        extensions = ' '.join(row['ext']) or '-'
        typer.echo(f"{name:<{width}}{'/'.join(row['dirs']):<12}{extensions:<{ext_width}}{row['desc']}")


@app.command()
def styles(query: Optional[List[str]] = typer.Argument(None, help="words to look for in style names and titles"),
           limit: int = typer.Option(50, "--limit", help="show at most this many (0: all)")) -> None:
    """List or search the CSL styles --style accepts (this project's and the official catalogue).

    Example: bibconvert styles chicago author date
    """
    from .render.styles import search_styles

    words = " ".join(query or []) or None
    found = search_styles(words)
    if not found:
        typer.echo(f"no style matches '{words}'", err=True)
        raise typer.Exit(EXIT_INPUT)
    shown = found if limit <= 0 else found[:limit]
    width = max(len(name) for name, _ in shown) + 2
    for name, title in shown:
        typer.echo(f"{name:<{width}}{title}" if title else name)
    if len(shown) < len(found):
        typer.echo(f"... {len(found) - len(shown)} more (--limit 0 shows all)", err=True)


def _output_format(to: str | None, output: str | None) -> str:
    if to:
        return to
    if output and output != "-":
        spec = default_registry().writer_for_path(output)
        if spec is not None:
            return spec.name
        raise UsageError(f"cannot tell the output format from '{output}'; name it with --to")
    raise UsageError("no output format: give --to FORMAT (see 'bibconvert formats')")


class _DiagnosticPrinter:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def show(self, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            if d.severity == "warning" and self.quiet:
                continue
            typer.echo(d.format(), err=True)

    def fatal(self, exc: BibconvertError) -> None:
        typer.echo(exc.to_diagnostic().format() if exc.file else f"bibconvert: error: {exc.message}", err=True)

    def note(self, message: str) -> None:
        typer.echo(f"bibconvert: {message}", err=True)


class _progress:
    """A progress bar on stderr, only when stderr is a terminal and the job is long."""

    def __init__(self, wanted: bool, total: int, label: str) -> None:
        self.enabled = wanted and sys.stderr.isatty()
        self.total = total
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda n: None
        self.bar = typer.progressbar(length=self.total, label=self.label, file=sys.stderr)
        self.bar.__enter__()
        return self.bar.update

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the app and turns any unexpected exception into exit code 3."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=args, prog_name="bibconvert", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("bibconvert: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not the user's fault: one line, traceback only with --debug
        if "--debug" in args:
            raise
        typer.echo(f"bibconvert: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
                   err=True)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()

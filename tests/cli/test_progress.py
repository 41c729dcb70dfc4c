"""lib/cli/progress.py: one rewritten line on a terminal, a line every few seconds in a log."""

import io

from lib.cli.progress import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_whole_lines_and_a_final_done() -> None:
    log = io.StringIO()
    progress = ProgressLine(log, every=0)
    progress(1, "a.txt")
    progress(2, "b.txt")
    progress.close()
    lines = log.getvalue().splitlines()
    assert [line.split(" — ")[1] for line in lines] == ["a.txt", "b.txt", "done"]
    assert lines[-1].startswith("Analysed 2 input(s), ")


def test_a_terminal_line_is_rewritten_in_place() -> None:
    terminal = Terminal()
    progress = ProgressLine(terminal, every=0)
    progress(1, "x" * 200)  # a long source is cut to its last 60 characters
    progress.close()
    text = terminal.getvalue()
    assert text.startswith("\r") and text.endswith("\n") and text.count("\n") == 1
    assert "x" * 61 not in text


def test_nothing_is_written_when_nothing_was_done() -> None:
    log = io.StringIO()
    ProgressLine(log, every=0).close()
    assert log.getvalue() == ""

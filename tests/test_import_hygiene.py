"""The core never loads Textual or Rich: the TUI is a thin layer over plain Python."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CORE = [
    "quiz",
    "quiz.model",
    "quiz.errors",
    "quiz.clock",
    "quiz.paths",
    "quiz.text",
    "quiz.cli",
    "quiz.loader",
    "quiz.grading",
    "quiz.scheduling",
    "quiz.session",
    "quiz.storage",
    "quiz.generation",
    "quiz.interchange",
]


@pytest.mark.parametrize("module", CORE)
def test_core_import_does_not_load_textual_or_rich(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is missing")
    code = f"import sys, {module}; print(sorted({{'textual', 'rich'}} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_the_study_screen_opens_without_loading_the_grader() -> None:
    """The grader's rules load with the first answer, not before the first question is on screen."""
    code = (
        "import sys, quiz.session, quiz.tui.screens.study, quiz.tui.session_driver, quiz.grading; "
        "before = 'quiz.grading.grader' in sys.modules; "
        "quiz.grading.grade; "
        "print(before, 'quiz.grading.grader' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["False", "True"]

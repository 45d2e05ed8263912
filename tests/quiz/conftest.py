"""Fixtures for quiz tests: quizzes built from the shipped library or from hostile text."""

import pytest

from kit.content.models import Option, Question, Text
from kit.quiz.model import Quiz


@pytest.fixture
def make_question():
    """Return a factory of questions whose texts are given directly (past the library's checks)."""

    def make(stem="Is this a question?", type="single", options=None, answer=None,
             explanation="Because.", id="q-test"):
        if options is None and type != "true-false":
            options = [("Right", True), ("Wrong", False), ("Also wrong", False)]
        built = [Option(text=Text(t), correct=c) for t, c in options or []]
        return Question.model_construct(id=id, audiences=["adults"], type=type, stem=Text(stem),
                                        options=built, answer=answer, explanation=Text(explanation), links=[])

    return make


@pytest.fixture
def quiz_of():
    """Return a factory of quizzes from questions."""

    def make(*questions, lang="en", title="Test quiz"):
        return Quiz(title, tuple(questions), lang)

    return make

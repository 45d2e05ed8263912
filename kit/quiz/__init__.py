"""Quizzes: the question-type registry and exporters to other quiz tools."""

"""Quizzes in other tools: exporters (kit.quiz.formats) and importers (kit.quiz.importer)."""

"""Grading answers: pure functions from a card and a response to a verdict."""

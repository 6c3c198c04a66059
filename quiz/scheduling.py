"""Spaced-repetition scheduling: the only module that imports fsrs."""

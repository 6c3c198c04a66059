"""Importing decks from other tools' formats and exporting them back."""

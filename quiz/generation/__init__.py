"""Drafting decks from article text, with no network and no model."""

"""Screens of the quiz app: home, deck, study, summary, statistics, help and dialogs."""

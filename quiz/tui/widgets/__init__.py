"""Widgets of the quiz app; each shows state handed to it and posts messages up."""

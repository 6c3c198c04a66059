"""The Textual app. Importing this package is what pays for Textual."""

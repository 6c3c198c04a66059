"""The progress store: SQLite in the user data folder, one transaction per answer."""

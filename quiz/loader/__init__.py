"""Reading deck files: bytes → TOML → validated model objects, with located problems."""

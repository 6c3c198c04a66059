"""The study-session engine: plain Python that the TUI only displays."""

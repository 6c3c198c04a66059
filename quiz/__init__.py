"""quiz: a terminal quiz and flashcard app. Importing the package imports nothing else."""

__version__ = "0.1.0"

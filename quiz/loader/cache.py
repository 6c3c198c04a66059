"""Placeholder cache: always a miss."""

from __future__ import annotations


def lookup(cache_dir, path, data):  # noqa: ANN001, ANN201
    return None


def store(cache_dir, path, data, deck):  # noqa: ANN001, ANN201
    return None

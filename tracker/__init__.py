"""Frontline Tracker: multilingual war reporting to a dated, sourced, geocoded record of claims."""

from tracker import compiled as _compiled

__version__ = "0.1.0"

_compiled.install()  # the hot modules' compiled builds, where made from today's sources

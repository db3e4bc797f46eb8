"""Frontline Tracker: multilingual war reporting to a dated, sourced, geocoded record of claims."""

__version__ = "0.1.0"

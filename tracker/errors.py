"""One error tree for the whole library: callers catch TrackerError (or the builtin it mimics)."""


class TrackerError(Exception):
    """Root of every error the library raises on purpose."""


class InvalidInputError(TrackerError, ValueError):
    """A value given by a user or a file is not acceptable; the message says how to fix it."""


class InvalidNameError(InvalidInputError):
    """A place name that cannot be looked up (empty, too long, control characters, script)."""


class InvalidCoordinatesError(InvalidInputError):
    """Latitude or longitude out of range or not a number."""


class NotFoundError(TrackerError, LookupError):
    """Something asked for by name or id does not exist."""


class DataFileError(TrackerError, ValueError):
    """A data file (gazetteer build, GeoNames dump) is missing or malformed."""


class GeocoderServiceError(TrackerError, RuntimeError):
    """The optional online geocoder failed (network, HTTP status, bad JSON)."""


class ConflictError(TrackerError, RuntimeError):
    """An edit was made on a stale version of a record; reload it and apply the edit again."""

    def __init__(self, message: str, *, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class StoreError(TrackerError, RuntimeError):
    """The database could not be opened or migrated (bad URL, newer schema, missing PostGIS)."""


class ImportRowsError(InvalidInputError):
    """An import found bad rows; nothing was written. `report` names every row and reason."""

    def __init__(self, message: str, report=None) -> None:
        super().__init__(message)
        self.report = report


class PermissionDeniedError(TrackerError, PermissionError):
    """The acting identity's role does not allow this operation."""


class StoreUnavailableError(StoreError):
    """The database did not answer (server stopped, network down); nothing was written."""


class StoreBusyError(StoreUnavailableError):
    """Another writer holds the database's write lock longer than the busy timeout; nothing
    was written, and trying again shortly will work."""

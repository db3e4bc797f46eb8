"""The dashboard's router: sign-in gate, then `st.navigation` over the pages the user's role
allows. The repository's app.py calls `main()` (`streamlit run app.py`); `tracker dashboard`
runs this file itself as Streamlit's script, so an installed package needs no app.py."""

from __future__ import annotations

import streamlit as st

from tracker.dashboard import auth, pages
from tracker.errors import StoreBusyError, StoreError
from tracker.untrusted import markdown_literal as md


def main() -> None:
    """One script run: the page set for this run's user, then the chosen page."""
    st.set_page_config(page_title="Frontline Tracker", page_icon="🗺️", layout="wide")
    who = auth.gate()
    try:
        st.navigation(pages.all_pages(who)).run()
    except StoreError as exc:
        # The database stopped answering (or cannot be opened): say so and offer a retry; the
        # store rolled back whatever was being written.
        title = "busy" if isinstance(exc, StoreBusyError) else "unavailable"
        st.error(f"**The database is {title}.** {md(exc)}")
        st.button("Try again", key="retry_database", type="primary")


if __name__ == "__main__":  # Streamlit runs its script as __main__
    main()

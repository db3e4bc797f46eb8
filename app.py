"""Streamlit entry point (`streamlit run app.py`): the router lives in the package
(tracker/dashboard/app_main.py), which `tracker dashboard` runs from an installed wheel."""

from tracker.dashboard.app_main import main

main()

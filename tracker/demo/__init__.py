"""Demo data: sample reports the project wrote itself, and a builder that turns them into a
demo database through the real extraction pipeline (`python -m tracker.demo.build DB_URL`)."""

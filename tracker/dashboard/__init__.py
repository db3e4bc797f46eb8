"""Streamlit pages. The only package allowed to import streamlit."""

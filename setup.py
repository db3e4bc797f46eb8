"""What the wheel carries that pyproject.toml cannot say: the repository keeps its reference
data (geodata/) and the dashboard's Streamlit settings (.streamlit/config.toml) at the top
level, and the wheel puts them inside the package, as tracker/geodata/ and
tracker/streamlit_config/, where tracker.data_files finds them. The dashboard's web folders
(the map component, and the Leaflet assets scripts/fetch_web_assets.py fetches at install)
go in as package data when present."""

from setuptools import find_namespace_packages, setup

WEB_FOLDERS = ("claims_map_web", "static_assets")

setup(
    packages=[
        *find_namespace_packages(
            include=["tracker", "tracker.*"],
            exclude=[f"tracker.dashboard.{name}*" for name in WEB_FOLDERS],
        ),
        "tracker.geodata",
        "tracker.streamlit_config",
    ],
    package_dir={"tracker.geodata": "geodata", "tracker.streamlit_config": ".streamlit"},
    package_data={
        "tracker.geodata": ["*.json", "*.geojson", "*.json.gz"],
        "tracker.streamlit_config": ["config.toml"],
        "tracker.dashboard": [f"{name}/**/*" for name in WEB_FOLDERS],
    },
    include_package_data=False,
)

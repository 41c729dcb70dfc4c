"""Real-browser tests: Playwright driving Debian chromium against a live Streamlit server."""

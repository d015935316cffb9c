"""The penalty simulator and its charts."""

"""The obligation navigator and its charts."""

"""draft layer."""

"""wording layer."""

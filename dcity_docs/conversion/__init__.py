"""conversion layer."""

"""Drafting: each document's wording and structure, from a record and the catalogs."""

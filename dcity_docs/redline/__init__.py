"""Redlines: what changed between two versions of a venture's documents, as Word tracked changes.

The two versions are drafted, matched block by block by the drafts' stable ids (:mod:`matching`),
diffed word by word within matched blocks (:mod:`words`), laid out by the documents' own Word
templates and marked as ``w:ins``/``w:del`` revisions (:mod:`tracked`); :mod:`summary` says in
both languages what changed and :mod:`compare` makes the files.
"""

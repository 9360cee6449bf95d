"""Signing PDF signature fields (PAdES) and verifying the signatures of a PDF."""

"""translation layer: the translators' workflow, above everything it reads."""

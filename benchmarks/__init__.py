"""Speed and memory of dcity-docs against its baselines, measured in one run: ``python -m benchmarks``.

Not part of the test suite (speed is measured here, never asserted in timed tests); the README's
"Benchmarks" section says what each figure means.
"""

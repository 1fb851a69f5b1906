"""The domain: checklist, plan facts, rules, review, outcome. Pure Python and pydantic.

This package imports neither Qt nor reportlab (tests/unit/test_layers.py checks it).
"""

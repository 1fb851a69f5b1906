"""The register window: search the team register as you type, open a hit."""

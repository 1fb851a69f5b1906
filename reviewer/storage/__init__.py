"""Files: checklists (YAML), plan facts (YAML), and the .review container."""

"""Pages generated from data: glossary, biographies, version history, changes."""

"""Published-source data that more than one tool uses (the HF36 items)."""

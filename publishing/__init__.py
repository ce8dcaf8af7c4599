"""Publishing the guide: every edition into one static folder, and serving it
with the headers a careful host sends. Not part of the site's own code."""

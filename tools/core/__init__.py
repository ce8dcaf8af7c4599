"""The framework every tool shares: schema, parsing, results, dates, drafts,
report rendering, limits, the registry and the runtime's one entry point.

Nothing here knows any particular tool; a tool is a package beside this one.
"""

"""tool_forms: `/// tool | slug` → a server-rendered, accessible form run by Pyodide."""

"""csp: one strict Content-Security-Policy, identical on every page of the site."""

"""editions: stable section identity, the outdated banner, canonical links, the selector."""

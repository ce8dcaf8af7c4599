"""offline: each edition's service worker, so the guide keeps working without the network."""

"""The Teams host: aiohttp app, CloudAdapter, activity handler, configuration, CLI."""

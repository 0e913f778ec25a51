"""Developer tools that run beside the bot (not shipped): Node packages, the Agents Playground."""

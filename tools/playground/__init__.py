"""Microsoft 365 Agents Playground beside the bot: a partnership to play in, started offline."""

"""The Teams side of the bot: the activity handler (activity_handler.py) reads who and where,
then hands a `Turn` to a flow — the practitioner's walk, the start dialog, the lead's cards,
rounds, erasure. Card buttons reach their flow through `CardActions` (card_actions.py)."""

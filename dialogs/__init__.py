"""botbuilder-dialogs flows: one ComponentDialog per multi-turn conversation."""

"""Every workaround for botbuilder 4.17.1 in one folder, each module saying which botbuilder
behaviour it replaces and the measured reason.

Moving to the Microsoft 365 Agents SDK or `microsoft-teams-apps` deletes this folder, not
the flows: bot/teams/ talks to botbuilder's `TurnContext` and `ActivityHandler` only.
"""

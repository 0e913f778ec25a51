"""Benchmarks: a fake Bot Connector, the stock echo bot, and an HTTP load generator."""

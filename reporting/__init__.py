"""The board's report: one `Report` built from the lead's summary model, rendered as an Excel
workbook, a PDF or a CSV. Framework-free: nothing here imports botbuilder, aiohttp or tinydb."""

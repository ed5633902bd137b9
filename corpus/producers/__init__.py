"""Invented invoices written as HTML and printed by real PDF engines (see benchmarks/producer_invoices.py).

``content``: parties, items, labels and expected values; ``html``: four layouts; ``engines``: wkhtmltopdf,
headless Chromium, LibreOffice and WeasyPrint where installed, and the same content drawn by reportlab.
"""

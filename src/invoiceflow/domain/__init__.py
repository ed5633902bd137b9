"""The pure domain core: PDF handling, OCR, extraction, validation, aggregation and the JSON contract.

Imports no Dapr, FastAPI or Prefect (tests/unit/test_domain_purity.py enforces it).
"""

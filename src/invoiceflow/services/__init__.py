"""The four pipeline services (upload, split, extract, aggregate) as FastAPI apps behind Dapr sidecars.

Each is a thin shell over ``invoiceflow.domain.pipeline``; ``main.create_app`` builds one app per Dapr
app-id, or one combined app (all four routes) for the embedded mode.
"""

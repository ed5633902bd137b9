"""``invoiceflow compare``: the in-process run, Dapr and Prefect side by side on identical work."""

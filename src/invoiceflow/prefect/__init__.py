"""The invoice pipeline on Prefect 3 (the optional ``prefect`` extra).

Careful: this package is ``invoiceflow.prefect``; every module here imports the ``prefect`` library with
absolute imports, which Python 3 resolves to the top-level package, never to this one. Nothing here is
imported by the core: ``invoiceflow.prefect.flow`` is loaded lazily by the CLI and ``compare``.
"""

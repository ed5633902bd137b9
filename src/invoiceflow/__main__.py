"""`python -m invoiceflow`: the same entry point as the `invoiceflow` command."""

from invoiceflow.console import main

main()

"""``invoice_workflow`` on Dapr Workflow: definitions, thin activities, the worker and the embedded mode."""

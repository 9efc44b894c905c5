"""The knowledge base: loading, validating and importing."""

"""Renderers: human output (Rich), stable JSON documents, diagrams and reports."""

"""The packet's documents: one builder per kind (registry.py), each in its own module or package."""

"""dueprocess: fair, lawful and documented separations."""

__version__ = "0.1.0"

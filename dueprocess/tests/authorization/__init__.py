"""The authorization matrix and the sensitive fields, over one demo shared by the package."""

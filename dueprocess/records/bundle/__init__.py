"""Evidence bundles: a zip of the chain's events, its documents, a timeline PDF and a signed manifest,
which an arbitrator can check offline (verify_bundle.py is stdlib-only and travels inside the zip)."""

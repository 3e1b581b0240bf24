"""collab: a company's communication-and-coordination handbook as working software."""

__version__ = "0.1.0"

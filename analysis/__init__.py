"""Who said what, when: a notebook kit for denials and accusations in news."""
__version__ = "0.1.0"

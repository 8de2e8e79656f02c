"""seekh-convert: PDFs and lecture transcripts in, grounded study guides out."""

__version__ = "0.1.0"

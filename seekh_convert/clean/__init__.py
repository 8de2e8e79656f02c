"""Clean: raw text layers in, plain-text blocks out (see ``document.Document``)."""

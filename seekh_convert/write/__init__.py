"""Stage 6, write: validated study guides out as files, written atomically.

Each writer is a callable ``writer(guide, folder) -> Path``; a new output format is a writer module here.
"""

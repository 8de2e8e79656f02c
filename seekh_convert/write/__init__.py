"""Writers: study guides out as files (JSON, Markdown), written atomically."""

"""From files to cleaned, described, chunked council documents."""

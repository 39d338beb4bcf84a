"""Build the interview portfolio: HTML site, one-page PDF resume, ATS round-trip check."""

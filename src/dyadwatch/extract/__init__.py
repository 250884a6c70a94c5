"""Article extraction: clean text and metadata from HTML pages and scraped text."""

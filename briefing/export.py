"""The briefing: Markdown written from the library's articles and facts."""

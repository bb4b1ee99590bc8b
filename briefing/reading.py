"""Reading article files (.txt, .md) into a RawArticle."""

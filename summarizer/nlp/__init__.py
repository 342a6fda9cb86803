"""Maintained NLP libraries behind small functions: spaCy's English pipeline (parse, names, speakers)."""

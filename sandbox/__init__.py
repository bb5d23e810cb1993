"""A local stand-in for the Recruitment API and the Find an apprenticeship pages.

A separate Django project with its own settings and database, so tests and
demos can upload adverts without touching the government service.
"""

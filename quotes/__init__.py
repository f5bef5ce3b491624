"""quotes: who is quoted, saying what, in news articles.

>>> import quotes
>>> sorted(quotes.__all__)[:3]
['Analysis', 'Article', 'Entity']
"""

from quotes.analysis import Analysis
from quotes.pipeline import analyze, extract_quotes
from quotes.types import Article, Entity, Quote, Span

__all__ = ["Analysis", "Article", "Entity", "Quote", "Span", "analyze", "extract_quotes"]

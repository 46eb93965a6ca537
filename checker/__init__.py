"""checker: a fact-consistency checker for news copy.

Data flows one way: corpus -> nlp -> extract -> normalize -> align -> compare -> report.
"""

__version__ = "1.0.0"

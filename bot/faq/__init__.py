"""The FAQ: a knowledge base as data, Vietnamese normalisation, and a matcher that never guesses."""

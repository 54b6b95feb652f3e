"""Measured quality: gold annotations, alignment of predictions to gold, per-field scores."""

from .gold import GoldSet, load_gold
from .run import evaluate, find_gold
from .score import score_sets

__all__ = ["GoldSet", "evaluate", "find_gold", "load_gold", "score_sets"]

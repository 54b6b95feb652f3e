"""Cross-document event fusion: one event, many reports.

``cluster`` groups per-document event mentions that describe the same real event (blocking keeps
the cost near-linear); ``reconcile`` turns a cluster's competing figures and claims into one
event with low / best / high and every source kept; ``apply.fuse_events`` applies both to the
store incrementally; ``judgements`` holds the analyst's merge / split / undo decisions.
"""

from .cluster import Cluster, MentionRecord, cluster_mentions, compatibility
from .reconcile import Figure, Reconciled, reconcile_figures

__all__ = [
    "Cluster", "MentionRecord", "cluster_mentions", "compatibility",
    "Figure", "Reconciled", "reconcile_figures",
]

"""sitrep.eval layer."""

"""sitrep.pipeline layer."""

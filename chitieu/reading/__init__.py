"""Reading targets by principles (docs/reading.md): marks, layout, clauses, modality, fields."""

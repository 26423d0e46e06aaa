"""Step definitions: one French sentence → one call into the harness. No logic of their own."""

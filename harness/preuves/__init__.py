"""Evidence a vendor can hand over (issue 17): the requirement catalogue and its coverage, the
coverage matrix and the French report of a run, declared deviations, the signed conformance package."""

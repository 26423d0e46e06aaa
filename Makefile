# The two commands of the README. Each installs what is missing first (scripts/bootstrap.sh).
.PHONY: conformance test serve bootstrap bench

bootstrap:
	@bash scripts/bootstrap.sh

# Every feature against the bundled portal; JUnit XML and HTML report under reports/.
conformance: bootstrap
	.venv/bin/anef run $(ARGS)

# Unit tests, property tests and the features.
test: bootstrap
	.venv/bin/python -m pytest $(ARGS)

serve: bootstrap
	.venv/bin/anef serve $(ARGS)

# Benchmarks (figures, no pass/fail): 2D-DOC, the account journey three ways, portal pages under load,
# the slowest scenarios of the last run (reports/junit.xml). ARGS=--quick for fewer samples.
bench: bootstrap
	.venv/bin/python benchmarks/run.py $(ARGS)

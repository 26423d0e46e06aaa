# The two commands of the README. Each installs what is missing first (scripts/bootstrap.sh).
.PHONY: conformance test serve bootstrap mutation

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

# The mutation kit: every mutant of mutants/catalogue.yaml (the portal with one fault mode on) against
# the tests that must kill it; prints the score and names each survivor. By part: ARGS="--guide 02".
mutation: bootstrap
	.venv/bin/python scripts/mutation.py $(ARGS)

# The two commands of the README. Each installs what is missing first (scripts/bootstrap.sh).
.PHONY: conformance test serve bootstrap

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

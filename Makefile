# The two commands of the README. Each installs what is missing first (scripts/bootstrap.sh).
.PHONY: conformance test serve bootstrap deploiement

bootstrap:
	@bash scripts/bootstrap.sh

# Every feature against the bundled portal; JUnit XML and HTML report under reports/.
conformance: bootstrap
	.venv/bin/anef run $(ARGS)

# Unit tests, property tests and the features; then the features again, in deployment mode.
test: bootstrap
	.venv/bin/python -m pytest $(ARGS)
	bash scripts/deploiement.sh $(DEPLOIEMENT_ARGS)

# The suite against the bundled portal playing a vendor's deployment: no operator API, reference data
# from docs/recette-exemple.yaml (RECETTE=...), the agent's pages as back-office, its published trust
# list. Clock scenarios are skipped with their reason. Reports under reports/deploiement/.
deploiement: bootstrap
	bash scripts/deploiement.sh $(ARGS)

serve: bootstrap
	.venv/bin/anef serve $(ARGS)

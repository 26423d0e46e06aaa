# The two commands of the README. Each installs what is missing first (scripts/bootstrap.sh).
.PHONY: conformance test test-complet serve bootstrap bench deploiement deploiement-reformule guides mutation

bootstrap:
	@bash scripts/bootstrap.sh

# Every feature against the bundled portal; JUnit XML and HTML report under reports/.
conformance: bootstrap
	.venv/bin/anef run $(ARGS)

# Lint (ruff), types (mypy --strict on fake_anef/ and harness/, [tool.mypy] in pyproject.toml), then side by side: unit and property tests; the features; the deployment-mode
# sample (scripts/test.sh; ANEF_TEST_SERIE=1 for one after the other). Outputs in reports/make-test/.
# DEPLOIEMENT_ARGS (the deployment run's options) reaches it in the environment, as make exports it.
test: bootstrap
	bash scripts/test.sh $(ARGS)

# The same with every feature in deployment mode (two shards) instead of the sample: what CI runs (.ci/run).
test-complet: bootstrap
	ANEF_TEST_COMPLET=1 bash scripts/test.sh $(ARGS)

# The suite against the bundled portal playing a vendor's deployment: no operator API, reference data
# from docs/recette-exemple.yaml (RECETTE=...), the agent's pages as back-office, its published trust
# list. Clock scenarios are skipped with their reason. Reports under reports/deploiement/.
deploiement: bootstrap
	bash scripts/deploiement.sh $(ARGS)

# The same run against a portal that rewords every text of its own (DERIVED; fault mode
# reformule_derives), as a deployment with its own wording would: 0 failures, and a remarque for
# each reworded text checked. Reports under reports/deploiement-reformule/ (~7 min of browser).
deploiement-reformule: bootstrap
	bash scripts/deploiement.sh --reformule $(ARGS)

serve: bootstrap
	.venv/bin/anef serve $(ARGS)

# Benchmarks (figures, no pass/fail): 2D-DOC, the account journey three ways, portal pages under load,
# the slowest scenarios of the last run (reports/junit.xml). ARGS=--quick for fewer samples.
bench: bootstrap
	.venv/bin/python benchmarks/run.py $(ARGS)

# The trainees' illustrated guides (issue 18): one complete scenario per journey with every step's
# screenshot, then one HTML + PDF guide per journey in reports/guides/ (docs/guide-illustre.md).
PARCOURS_GUIDES ?= chemin_a or (parcours_complet and marocaine) or cas_1_un_mineur or (renouvellement_complet and BPS) or le_conjoint_dun
guides: bootstrap
	.venv/bin/anef run --preuves toutes -k "$(PARCOURS_GUIDES)" $(ARGS)
	.venv/bin/anef guide-illustre

# The mutation kit: every mutant of mutants/catalogue.yaml (the portal with one fault mode on) against
# the tests that must kill it; prints the score and names each survivor. By part: ARGS="--guide 02".
mutation: bootstrap
	.venv/bin/python scripts/mutation.py $(ARGS)

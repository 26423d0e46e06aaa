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

# The trainees' illustrated guides (issue 18): one complete scenario per journey with every step's
# screenshot, then one HTML + PDF guide per journey in reports/guides/ (docs/guide-illustre.md).
.PHONY: guides
PARCOURS_GUIDES ?= chemin_a or (parcours_complet and marocaine) or cas_1_un_mineur or (renouvellement_complet and BPS) or le_conjoint_dun
guides: bootstrap
	.venv/bin/anef run --preuves toutes -k "$(PARCOURS_GUIDES)" $(ARGS)
	.venv/bin/anef guide-illustre

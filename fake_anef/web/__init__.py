"""Routes and templates of the bundled portal (public pages, applicant pages, operator API)."""

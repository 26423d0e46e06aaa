"""E-mail: the portal sends over SMTP (`sender`); the bundled sink receives and serves it (`sink`)."""

"""The harness: the instruments a tester uses against any ANEF portal (browser, mailbox, documents, target)."""

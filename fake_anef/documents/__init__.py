"""Documents the portal hands out (attestations as PDF), and the 2D-DOC seal that makes them checkable."""

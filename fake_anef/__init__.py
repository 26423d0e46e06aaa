"""The bundled reference portal: a simulator of the ANEF portal as the user guides show it."""

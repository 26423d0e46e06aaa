"""Binds every .feature file in this folder to pytest (pytest-bdd): one test per scenario."""

from pytest_bdd import scenarios

scenarios(".")

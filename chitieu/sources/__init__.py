"""Readers: the only modules that touch files or the network."""

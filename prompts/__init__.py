"""The prompt files of the openai engine, installed as the package ``seekh_convert.prompts`` (package data).

Edit the ``*.md`` files here; ``generate/openai/prompts.py`` loads them with ``importlib.resources``.
"""

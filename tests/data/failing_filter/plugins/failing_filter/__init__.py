"""A plugin with a bug, for the tests: the `typo` filter fails on one title."""

from pelican import signals


def break_typo(generator):
    working = generator.env.filters["typo"]

    def typo(text, *args, **kwargs):
        if "Awaria" in str(text):
            raise ZeroDivisionError("division by zero")
        return working(text, *args, **kwargs)

    generator.env.filters["typo"] = typo


def register():
    signals.generator_init.connect(break_typo)

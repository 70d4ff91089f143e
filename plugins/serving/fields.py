"""The header field of the serving plugin."""

from klucz.strict_build import Field

FIELDS = (
    Field(
        "Aliases",
        "dawne adresy tego wpisu, rozdzielone przecinkami (np. /aktualnosci/stary-tytul/): "
        "przekierujemy z nich na obecny",
        kind="list",
        aliases=("stary adres", "dawny adres", "przekierowanie"),
        label="Dawne adresy",
    ),
)

"""The header field of the donations plugin."""

from klucz.strict_build import Field

FIELDS = (
    Field(
        "Donation",
        "off = bez pola wsparcia pod wpisem; identyfikator kampanii (np. dodaj-nam-mocy) "
        "= to pole wsparcia zamiast domyślnego",
        aliases=("wsparcie", "darowizna", "zbiorka", "kampania", "wesprzyj"),
        label="Pole wsparcia",
    ),
)

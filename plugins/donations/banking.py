"""Polish bank account numbers (NRB / IBAN) and KRS numbers."""

import re

# ISO 13616 example numbers published for documentation: never real accounts.
EXAMPLE_IBANS = {"PL61109010140000071219812874", "PL27114020040000300201355387"}


def compact(number):
    return re.sub(r"[\s-]", "", str(number or "")).upper()


def to_iban(number):
    """'61 1090 …' (NRB, 26 digits) or 'PL61 1090 …' -> 'PL61109…'."""
    value = compact(number)
    if re.fullmatch(r"\d{26}", value):
        value = "PL" + value
    return value


def iban_is_valid(number):
    """ISO 7064 mod 97-10: move the first four characters to the end, letters
    to numbers (A=10 … Z=35), and the remainder modulo 97 must be 1."""
    value = to_iban(number)
    if not re.fullmatch(r"PL\d{26}", value):
        return False
    rearranged = value[4:] + value[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def nrb_groups(number):
    """NRB as shown on Polish transfer forms: 2 digits, then groups of four."""
    digits = to_iban(number)[2:]
    return " ".join([digits[:2]] + [digits[i : i + 4] for i in range(2, 26, 4)])


def iban_groups(number):
    value = to_iban(number)
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def krs_is_valid(krs):
    return bool(re.fullmatch(r"\d{10}", str(krs or "").strip()))

"""python -m klucz.deploy [-s publishconf.py] [--output output]   (make deploy)
python -m klucz.deploy rollback [-s publishconf.py]             (make rollback)"""

import argparse
import json
import os
import sys

from pelican.settings import read_settings

from klucz.serving import addresses_file
from klucz.serving.addresses import advice, lost_addresses
from klucz.serving.settings import setting

from .targets import DeployError, parse_target


def _target(settings, given):
    where = given or os.environ.get("DEPLOY_TARGET") or settings.get("DEPLOY_TARGET")
    return parse_target(where, addresses_file(settings))


def deploy(settings, output, target):
    manifest_path = os.path.join(output, addresses_file(settings))
    try:
        with open(manifest_path, encoding="utf-8") as f:
            new = json.load(f)
    except (OSError, ValueError):
        raise DeployError(f"w {output}/ nie ma zbudowanej strony -> zbuduj ją: make publish") from None
    site = (settings.get("SITEURL") or "").rstrip("/")
    if new.get("site") != site:
        raise DeployError(f"{output}/ zbudowano dla adresu „{new.get('site') or 'wersja robocza'}”, a strona "
                          f"publiczna to {site} -> zbuduj ją: make publish")
    live_text = target.live_manifest()
    if live_text:
        try:
            live = json.loads(live_text)
        except ValueError:
            live = None
        if live is not None:
            lost = lost_addresses(live, new)
            if lost:
                removed_file = setting(settings, "SERVING_REMOVED_FILE")
                lines = []
                for old, source in lost:
                    message, hint = advice(old, source, new, removed_file)
                    lines.append(f"BŁĄD: {message} -> {hint}")
                raise DeployError("\n".join(lines) + f"\nNic nie wysłano: {len(lost)} adres(y) strony publicznej "
                                  "przestałyby działać.")
    return target.upload(output)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Publikuje zbudowaną stronę.")
    parser.add_argument("action", nargs="?", choices=("deploy", "rollback"), default="deploy")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--target", default=None, help="zamiast DEPLOY_TARGET")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.settings)
        target = _target(settings, args.target)
        if args.action == "rollback":
            name = target.rollback()
            print(f"Strona wróciła do wydania {name} ({target.describe()}).")
            return 0
        name = deploy(settings, args.output, target)
        after = os.environ.get("DEPLOY_AFTER") or settings.get("DEPLOY_AFTER")
        if after:
            if not hasattr(target, "run_after"):
                raise DeployError(f"DEPLOY_AFTER: na {target.describe()} nie da się uruchomić polecenia -> serwis "
                                  "zapisów potrzebuje serwera z SSH; usuń DEPLOY_AFTER albo zmień DEPLOY_TARGET")
            try:
                print(target.run_after(after).strip())
            except DeployError as error:
                raise DeployError(f"strona jest opublikowana ({target.describe()}), ale {error}") from None
    except DeployError as error:
        print(str(error) if str(error).startswith("BŁĄD") else f"BŁĄD: {error}", file=sys.stderr)
        return 1
    print(f"Opublikowano stronę: {target.describe()}" + (f", wydanie {name}." if name else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""klucz-signups: run the sign-up service and its jobs.

  klucz-signups serve [--port 8001]   migrate, read the trainings, serve (gunicorn)
  klucz-signups load [FILE]           read the trainings the build wrote (every deploy)
  klucz-signups tick                  expire holds and offers, anonymise old sign-ups (daily)
  klucz-signups manage …              Django's manage.py (createsuperuser, migrate, …)
"""

import argparse
import os
import sys


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signups.settings")
    import django

    django.setup()


def _migrate():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _load(path):
    from . import trainings

    try:
        report = trainings.load(path)
    except trainings.BadFile as error:
        print(f"Zapisy: {error}", file=sys.stderr)
        return False
    print(f"Zapisy: {trainings.describe(report)}", flush=True)
    return True


def _server_class():
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        """gunicorn with its settings from here (its documented custom application)."""

        def __init__(self, application, options):
            self.application, self.options = application, options
            super().__init__()

        def load_config(self):
            for key, value in self.options.items():
                self.cfg.set(key, value)

        def load(self):
            return self.application

    return Server


def main(argv=None):
    parser = argparse.ArgumentParser(prog="klucz-signups", description="Zapisy na szkolenia (serwis obok strony)")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="uruchom serwis zapisów")
    serve.add_argument("--port", type=int, default=int(os.environ.get("SIGNUPS_PORT", "8001")))
    serve.add_argument("--bind", default="127.0.0.1")
    serve.add_argument("--workers", type=int, default=int(os.environ.get("SIGNUPS_WORKERS", "2")),
                       help="procesy serwera (domyślnie 2)")
    serve.add_argument("--threads", type=int, default=int(os.environ.get("SIGNUPS_THREADS", "1")),
                       help="wątki w każdym procesie (domyślnie 1: wątki jednego procesu czekają na siebie "
                            "przy blokadzie Pythona, procesy nie)")
    serve.add_argument("--trainings", default=None, help="plik szkoleń z budowania strony")
    load = sub.add_parser("load", help="wczytaj szkolenia z pliku zapisanego przez budowanie strony")
    load.add_argument("file", nargs="?", default=None)
    sub.add_parser("tick", help="codzienne zadanie: wygaś niepotwierdzone, zaproponuj miejsca, anonimizuj")
    manage = sub.add_parser("manage", help="polecenia Django (createsuperuser, migrate, …)")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    _django()
    from django.conf import settings

    if args.command == "manage":
        from django.core.management import execute_from_command_line

        execute_from_command_line(["klucz-signups manage", *args.args])
        return 0
    _migrate()
    if args.command == "load":
        return 0 if _load(args.file or settings.SIGNUPS_TRAININGS) else 1
    from . import seats

    if args.command == "tick":
        print(f"Zapisy: zanonimizowano {seats.tick()} zgłoszeń.")
        return 0
    _load(args.trainings or settings.SIGNUPS_TRAININGS)
    seats.tick()
    Server = _server_class()
    from django.db import connections

    from .wsgi import application

    connections.close_all()  # the server's processes open their own
    print(f"Zapisy: http://{args.bind}:{args.port}/zapisy/  (panel zespołu: /zapisy/admin/)", flush=True)
    # gunicorn's sync workers: a process takes the next connection only when
    # it is free, so the kernel hands connections out in the order they came
    # (a gthread worker keeps accepting while busy, and an unlucky sign-up
    # waits behind another process's queue). nginx in front buffers slow
    # clients, as gunicorn asks of sync workers. With --threads above 1
    # gunicorn uses gthread.
    Server(application, {
        "bind": f"{args.bind}:{args.port}", "workers": args.workers, "threads": args.threads,
        "worker_class": "sync", "timeout": 30, "graceful_timeout": 5, "loglevel": "warning",
        "proc_name": "klucz-zapisy",
    }).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())

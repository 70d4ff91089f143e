"""The sign-up service: a small Django application beside the static site.

The site's build writes the trainings (szkolenia/zapisy.json); the service
reads them, takes sign-ups from the form on each training's page, holds a
seat until the person confirms by e-mail, keeps the waiting list and gives
staff the list in Django's admin. `klucz-signups --help` says how to run it.
"""

"""Moving the centre's WordPress site in: `make import WXR=… UPLOADS=…` writes
a WordPress export (WXR, with The Events Calendar's events) into content/ in
this site's format, pictures and files copied, every old address kept as
`Aliases:`, and a report in Polish of what was done and what staff must do."""

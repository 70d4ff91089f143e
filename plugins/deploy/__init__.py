"""`make deploy` and `make rollback`: the live build taken to where DEPLOY_TARGET
points, by the method its form names:

- ssh://user@host[:port]/path: rsync over SSH into path/releases/<time>/, then
  the symlink path/current moved to it in one step; the last 5 releases kept,
  `make rollback` moves current back one;
- ftp://user@host[:port]/path, ftps://… (TLS): lftp mirror; new and changed
  files first (assets, then pages), files no longer part of the site removed
  only after that; password in DEPLOY_FTP_PASSWORD;
- a folder (/srv/www/klucz or file:///srv/www/klucz): releases and a current
  symlink, as over SSH.

Before anything is sent, the live site's list of addresses (adresy.json) is
compared with the new one: an address that would disappear stops the deploy,
naming the post and how to keep the address (serving plugin).
"""

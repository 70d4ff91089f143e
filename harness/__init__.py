"""What the tests, the audit and the benchmarks share (the package
`klucz_harness`): the sample site built the way `make html` builds it
(sitebuild), real servers started on 127.0.0.1 and stopped (servers: nginx,
sshd, FTP, SMTP, the preview's event stream) and WordPress exports made to
measure (wordpress). Nothing here is part of the site."""

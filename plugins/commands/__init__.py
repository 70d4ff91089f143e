"""The site's commands (`klucz-build`, `klucz-check`, `klucz-preview`,
`klucz-serve`, `klucz-new`, `klucz-cms`; the Makefile calls them): what a
person or the pipeline runs. Not a Pelican plugin: the plugins beside this
package are what a build loads, these start builds (`build.build`, the one
way a build starts) and serve their output."""

"""The routes: `pages` renders HTML, `api` answers JSON; both call the same library functions."""

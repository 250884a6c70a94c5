"""Work across documents on the store: duplicate articles, one identity per actor, one event
per happening, and the timelines, dyad series and networks built on them.

`dyadwatch.link.api` is the entry point (`relink`, `timeline`, `dyad`, `network`).
"""

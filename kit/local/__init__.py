"""Force-local content a lead edits in the browser: links, organisation name, address line and logo.

Plain Python and SQLAlchemy, no Flask: kit.web.local is the thin view over it.
"""

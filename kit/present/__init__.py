"""The presenter: slides, facilitator notes and the offline single-file pack, built without Flask."""

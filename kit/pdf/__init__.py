"""Print documents. Contract (kept by kit.pdf once built):

    render(kind: str, session: kit.sessions.model.Session, options: RenderOptions | None = None) -> bytes
    KINDS: dict[str, DocumentKind]  # "lesson-plan", "handout", "handout-a5", "quiz", "answer-key",
                                    # "cards", "poster", "parent-letter", "pack"
    RenderOptions(organisation: str = "Safer Sessions Kit", large_print: bool = False, copies: int = 1)
    DocumentKind.filename(session) -> str   # a safe download name, e.g. "handout-lower-secondary-core.pdf"
"""

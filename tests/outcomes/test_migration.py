"""Migration 0003 copies each delivery's filter columns onto its stored per-question and per-module rows."""

from alembic import command
from sqlalchemy import create_engine, text

from kit.db import alembic_config


def test_existing_deliveries_keep_their_figures_after_the_upgrade(database_url):
    engine = create_engine(database_url)
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.commit()
        conn.execute(text("INSERT INTO users (id, email, password_hash, role, active, session_token, created_at) "
                          "VALUES (1, 'pc@example.police.uk', 'x', 'officer', true, 't', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO deliveries (id, owner_id, session_title, delivered_on, month, audience, nation, "
                          "school, present, gain, reflection, created_at) VALUES (1, 1, 'S', '2027-03-01', '2027-03', "
                          "'adults', 'wales', 'Hall', 18, 12.5, '', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO delivery_questions VALUES (1, 'a-fault', 40, 90)"))
        conn.execute(text("INSERT INTO delivery_modules VALUES (1, 'scam-emails')"))
        conn.commit()
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
        question = conn.execute(text("SELECT audience, nation, owner_id, present, delivered_on "
                                     "FROM delivery_questions")).one()
        module = conn.execute(text("SELECT audience, present, gain FROM delivery_modules")).one()
    engine.dispose()
    assert tuple(question)[:4] == ("adults", "wales", 1, 18) and str(question[4]) == "2027-03-01"
    assert tuple(module) == ("adults", 18, 12.5)

"""Outcome migrations: 0003 copies each delivery's filter columns onto its per-question and per-module rows;
0008 fills the monthly sums from the deliveries already stored; each goes down and up again cleanly."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from kit.db.migrate import alembic_config


def test_existing_deliveries_keep_their_figures_after_the_upgrade(empty_database_url):
    engine = create_engine(empty_database_url)
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
        sums = conn.execute(text("SELECT month, audience, nation, kind, item_id, deliveries, people, baseline_sum, "
                                 "endpoint_sum, change_sum FROM outcome_months ORDER BY kind")).all()
    engine.dispose()
    assert tuple(question)[:4] == ("adults", "wales", 1, 18) and str(question[4]) == "2027-03-01"
    assert tuple(module) == ("adults", 18, 12.5)
    where = ("2027-03", "adults", "wales")
    assert [tuple(row) for row in sums] == [(*where, "module", "scam-emails", 1, 18, None, None, 12.5),
                                           (*where, "question", "a-fault", 1, 18, 40, 90, 50),
                                           (*where, "reach", "", 1, 18, None, None, 0)]


def test_the_outcome_migrations_go_down_and_up_again(empty_database_url):
    engine = create_engine(empty_database_url)
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
        command.downgrade(alembic_config(conn), "0002")
        conn.commit()
        assert "outcome_months" not in inspect(conn).get_table_names()
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("delivery_questions")}
    engine.dispose()
    assert indexes == {"ix_delivery_questions_delivered_on", "ix_delivery_questions_owner_id"}

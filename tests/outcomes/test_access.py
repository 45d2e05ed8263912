"""Who may open the delivery and outcome pages: sign-in first; officers only their own; leads see all."""

import pytest

from tests.web.test_access import OUTCOME_URLS


def _target(url, session, delivery):
    return url.format(id=delivery if url.startswith("/deliveries") else session.id)


@pytest.mark.parametrize("method, url", OUTCOME_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, make_user, make_session, record_delivery, method, url):
    owner = make_user()
    session = make_session(owner)
    response = client.open(_target(url, session, record_delivery(owner, session)), method=method)
    assert response.status_code == 302 and response.location.startswith("/login?next=")


@pytest.mark.parametrize("method, url", OUTCOME_URLS)
def test_another_officers_deliveries_are_not_found(client, officer, make_user, make_session, record_delivery,
                                                   method, url):
    owner = make_user()
    session = make_session(owner)
    response = client.open(_target(url, session, record_delivery(owner, session)), method=method)
    assert response.status_code == 404


def test_a_lead_reads_every_delivery_but_records_only_on_their_own(client, auth, make_user, make_session,
                                                                   record_delivery):
    owner = make_user()
    session = make_session(owner)
    delivery = record_delivery(owner, session, reflection="Shorter starter next time.")
    lead = make_user("lead")
    auth.login(lead.email)
    assert "Shorter starter next time." in client.get(f"/deliveries/{delivery}").get_data(as_text=True)
    assert client.get(f"/sessions/{session.id}/deliveries/new").status_code == 404
    assert client.post(f"/deliveries/{delivery}/delete").status_code == 404


def test_an_officer_deletes_a_delivery_recorded_by_mistake(client, officer, make_session, record_delivery, db):
    from sqlalchemy import func, select

    from kit.db import Delivery, DeliveryCount

    session = make_session(officer)
    counts = {"baseline": {"q-fault": {"false": 3}}, "endpoint": {"q-fault": {"false": 9}}}
    delivery = record_delivery(officer, session, counts=counts)
    assert "Yes, delete this delivery" in client.get(f"/deliveries/{delivery}/delete").get_data(as_text=True)
    response = client.post(f"/deliveries/{delivery}/delete")
    assert response.status_code == 302 and "deleted=1" in response.location
    assert db.scalar(select(func.count()).select_from(Delivery)) == 0
    assert db.scalar(select(func.count()).select_from(DeliveryCount)) == 0

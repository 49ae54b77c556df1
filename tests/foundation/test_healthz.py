def test_healthz_answers_ok_after_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_refuses_post(client, db):
    assert client.post("/healthz").status_code == 405

"""The browser tab shows the tracker's icon, on the pages and in the admin."""


def test_pages_link_the_icon_and_favicon_ico_leads_to_it(client, db):
    login = client.get("/login/").content.decode()
    assert 'rel="icon"' in login and "favicon.svg" in login
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("tracker/favicon.svg")

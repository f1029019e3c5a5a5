#!/usr/bin/env python3
"""Fills one day of the demo clinic's calendar for the day-view benchmark (issue 18): 10 therapists side by side
(the demo's two and eight invited here, each with weekday hours), 10 rooms, and 80 appointments on that day (8 per
therapist, on the hour from 09:00, lunch from 13:00 kept free), booked through the API as staff would.

    build/bench/seed-day-view.py http://127.0.0.1:PORT      prints the day it filled (YYYY-MM-DD)

Run against a fresh demo host (build/bench/wrk.sh does, with SEED=build/bench/seed-day-view.py).
"""
import datetime, http.cookiejar, json, re, sys, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


forms = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def token(path):
    html = opener.open(base + path).read().decode()
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)


def post_form(path, fields):
    data = urllib.parse.urlencode({**fields, "__RequestVerificationToken": token(path)}).encode()
    try:
        forms.open(base + path, data)
    except urllib.error.HTTPError as answer:  # a form that worked answers with a redirect
        if answer.code != 302:
            raise


def api(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, headers={"Origin": base, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with opener.open(request) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


post_form("/Account/Login", {"Input.Email": "manager@demo.practicesuite.local", "Input.Password": "Demo-Password-2026"})
for n in range(1, 9):
    post_form("/Manage/Staff", {"Input.DisplayName": f"Bench Therapist {n}", "Input.Email": f"bench.therapist{n}@demo.practicesuite.local", "Input.Role": "Therapist"})
therapists = [t["therapistId"] for t in api("GET", "/api/scheduling/therapists")]
assert len(therapists) == 10, f"expected 10 therapists, found {len(therapists)}"

weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
hours = [{"day": d, "start": s, "end": e} for d in weekdays for s, e in (("09:00", "13:00"), ("14:00", "18:00"))]
for therapist in therapists:
    api("PUT", f"/api/scheduling/therapists/{therapist}/hours", {"ranges": hours})
rooms = api("GET", "/api/scheduling/rooms")
for n in range(len(rooms) + 1, 11):
    api("POST", "/api/scheduling/rooms", {"name": f"Room {n}", "retired": False})

# The 45-minute follow-up (15 minutes' buffer): eight an hour apart fill a therapist's day.
service = next(s for s in api("GET", "/api/scheduling/services") if s["name"] == "Follow-up session, 45 minutes")
api("PUT", f"/api/scheduling/services/{service['id']}", {**{k: service[k] for k in (
    "name", "durationMinutes", "bufferAfterMinutes", "isConsultation", "onlineBooking", "needsApproval", "needsRoom")}, "therapistIds": therapists})

day = datetime.date.today() + datetime.timedelta(days=15)
while day.weekday() != 2:  # a Wednesday past the demo's own visits (up to eight working days ahead)
    day += datetime.timedelta(days=1)
times = ["09:00", "10:00", "11:00", "12:00", "14:00", "15:00", "16:00", "17:00"]
for t, therapist in enumerate(therapists):
    for h, time in enumerate(times):
        client = api("POST", "/api/clients", {
            "givenName": f"Bench{t}", "familyName": f"Client{h}", "dateOfBirth": "1980-05-17",
            "email": f"bench.client.{t}.{h}@example.com", "timeZone": "Europe/London", "pressurePreference": "Medium",
            "confirmedNotDuplicate": True})["id"]
        api("POST", "/api/scheduling/appointments", {"clientId": client, "serviceId": service["id"], "therapistId": therapist,
                                                     "date": day.isoformat(), "time": time})
print(day.isoformat())

"""Read iCalendar files with the `icalendar` package, independently of
cairn, and print what they say as JSON for tests/testsuite/calendar.rs.

Each event's start and end are given as the package reads them: a day
("2027-03-12"), or an instant in UTC computed twice, once from the
file's own VTIMEZONE and once from the IANA database (zoneinfo), which
must agree. A file the package cannot parse makes this script fail.
"""

import datetime
import json
import re
import sys
import zoneinfo

import icalendar


def unescape(text):
    """RFC 5545 TEXT unescaping: \\\\, \\;, \\, and \\n."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def instant(value, zones):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit(f"a floating time: {value}")
        utc = value.astimezone(datetime.timezone.utc)
        tzid = getattr(value.tzinfo, "key", None) or str(value.tzinfo)
        if tzid in zones:
            local = value.replace(tzinfo=None)
            by_vtimezone = local.replace(tzinfo=zones[tzid]).astimezone(datetime.timezone.utc)
            by_database = local.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).astimezone(datetime.timezone.utc)
            if by_vtimezone != by_database or by_database != utc:
                raise SystemExit(f"{tzid}: VTIMEZONE says {by_vtimezone}, the database {by_database}")
        return {"utc": utc.strftime("%Y-%m-%dT%H:%M:%SZ"), "tzid": tzid if tzid in zones else None}
    return {"day": value.isoformat()}


def main():
    out = {}
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        zones = {str(tz["TZID"]): tz.to_tz() for tz in calendar.walk("VTIMEZONE")}
        events = []
        for event in calendar.walk("VEVENT"):
            end = event.get("DTEND")
            events.append({
                "uid": str(event["UID"]),
                "stamp": event["DTSTAMP"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "summary": str(event["SUMMARY"]),
                "location": str(event["LOCATION"]) if "LOCATION" in event else None,
                "description": str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None,
                "url": str(event["URL"]) if "URL" in event else None,
                "status": str(event["STATUS"]) if "STATUS" in event else None,
                "start": instant(event["DTSTART"].dt, zones),
                "end": instant(end.dt, zones) if end is not None else None,
            })
        out[path] = {
            # An extension property, which the package leaves as written:
            # unescaped here as the TEXT it is by convention.
            "name": unescape(str(calendar.get("X-WR-CALNAME", ""))),
            "version": str(calendar["VERSION"]),
            "tzids": sorted(zones),
            "events": events,
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

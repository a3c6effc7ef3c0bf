"""Read Atom feeds with `feedparser`, independently of cairn, and print
what they say as JSON for the tests. A feed that is not well-formed XML
(feedparser's "bozo" flag) makes this script fail."""

import json
import sys

import feedparser


def main():
    out = {}
    for path in sys.argv[1:]:
        feed = feedparser.parse(path)
        if feed.bozo:
            raise SystemExit(f"{path}: {feed.bozo_exception}")
        out[path] = {
            "version": feed.version,
            "language": feed.feed.get("language"),
            "title": feed.feed.get("title"),
            "id": feed.feed.get("id"),
            "updated": feed.feed.get("updated"),
            "author": feed.feed.get("author"),
            "links": sorted((l.get("rel"), l.get("type"), l.get("href")) for l in feed.feed.get("links", [])),
            "entries": [
                {
                    "id": e.get("id"),
                    "title": e.get("title"),
                    "updated": e.get("updated"),
                    "summary": e.get("summary"),
                    "links": sorted((l.get("rel"), l.get("type"), l.get("href")) for l in e.get("links", [])),
                }
                for e in feed.entries
            ],
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Bytes a first search transfers, on cairn's own search page.

Serves SITE (a built site) on loopback, opens /search/?q=WORD in headless
Chromium through chromedriver (Debian's chromium and chromium-driver),
waits for the results, and prints a JSON list with, for each word: the word,
the bytes of every file the server sent from a `pagefind/` folder (as
served, without HTTP compression; Pagefind's index files are gzipped
already), how many, and what the page said. Counted by the server, so
that the files Pagefind's web worker fetches count too. The tests run it
on the bundled site; scripts/bench-search-build on 10,000 workshops.

    first-query.py SITE WORD...
"""
import functools, os, http.server, json, socket, subprocess, sys, tempfile, threading, time, urllib.request

site, words = sys.argv[1], sys.argv[2:]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

sent = []

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def copyfile(self, source, destination):
        if "/pagefind/" in self.path:
            sent.append((self.path, os.fstat(source.fileno()).st_size))
        super().copyfile(source, destination)

web_port, driver_port = free_port(), free_port()
server = http.server.ThreadingHTTPServer(("127.0.0.1", web_port), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
driver = subprocess.Popen(["chromedriver", f"--port={driver_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def call(method, path, body=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{driver_port}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["value"]

for _ in range(100):
    try:
        call("GET", "/status")
        break
    except OSError:
        time.sleep(0.1)

WAIT = """
const done = arguments[0];
const started = Date.now();
(function poll() {
  const status = document.getElementById('search-status').textContent;
  const loading = document.getElementById('search').dataset.loading;
  if ((status && status !== loading) || Date.now() - started > 30000) {
    done(status);
  } else setTimeout(poll, 50);
})();
"""
results = []
try:
    for word in words:
        # A fresh browser each time: nothing cached from the word before.
        options = {"binary": "/usr/bin/chromium", "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync",
            f"--user-data-dir={tempfile.mkdtemp()}"]}
        sent.clear()
        session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})["sessionId"]
        call("POST", f"/session/{session}/url", {"url": f"http://127.0.0.1:{web_port}/search/?q={word}"})
        status = call("POST", f"/session/{session}/execute/async", {"script": WAIT, "args": []})
        call("DELETE", f"/session/{session}")
        results.append({"word": word, "bytes": sum(size for _, size in sent),
                        "files": len(sent), "status": status})
finally:
    driver.kill()
    server.shutdown()
print(json.dumps(results, ensure_ascii=False, indent=1))

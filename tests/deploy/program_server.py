#!/usr/bin/env python3
"""A program server for the kiosk-fetch test: serves one folder on 127.0.0.1 with ETag (none when
the folder holds .no-etag) and Last-Modified, answers conditional GETs with 304 and HEAD requests
with the headers alone, and logs each request's method and conditional headers.

usage: program_server.py FOLDER LOG
Prints the port it listens on, then serves until killed (the test bounds it with `timeout`).
"""
import email.utils
import hashlib
import http.server
import os
import sys

root, log_path = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head=False):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        with open(log_path, "a", encoding="utf-8") as log:
            method = "HEAD" if head else "GET"
            log.write(f"{method} {self.path} If-None-Match={inm} If-Modified-Since={ims}\n")
        path = os.path.join(root, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            body = f.read()
        mtime = int(os.stat(path).st_mtime)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        # A folder holding .no-etag plays a server that sends none (only Last-Modified).
        if os.path.exists(os.path.join(root, ".no-etag")):
            etag = None
        # RFC 9110: If-None-Match, when present, decides; If-Modified-Since only without it.
        if inm is not None:
            unchanged = inm == etag
        elif ims is not None:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
            unchanged = mtime <= since
        else:
            unchanged = False
        if unchanged:
            self.send_response(304)
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

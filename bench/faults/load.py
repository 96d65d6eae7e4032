#!/usr/bin/env python3
"""Steady writes and reads for the fault scripts, recording what every client was told.

  load.py BASE_URL TARGETS SECONDS OUT MARKER

TARGETS has lines "token conversation_id". Each worker thread takes one line and loops:
post a message (content "<MARKER> <key>", with that Idempotency-Key), then read the newest
page. A post that fails (error status, reset, timeout) is retried with the same key, as the
mobile client does, up to 20 times over about 10 s; only a 201 counts as acknowledged.
OUT gets one JSON line per request: t (seconds since start), op, status (0: no answer),
key, id. Loopback only.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

base, targets_file, seconds, out_file, marker = sys.argv[1:6]
url = urllib.parse.urlparse(base)
targets = [line.split() for line in open(targets_file) if line.strip()]
deadline = time.monotonic() + float(seconds)
start = time.monotonic()
lock = threading.Lock()
out = open(out_file, "w")


def record(**event):
    event["t"] = round(time.monotonic() - start, 3)
    with lock:
        out.write(json.dumps(event) + "\n")


class Client:
    def __init__(self, token):
        self.token = token
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        """(status, parsed body or None); status 0 when no answer came."""
        all_headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        all_headers.update(headers or {})
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
            payload = None if body is None else json.dumps(body).encode()
            if payload is not None:
                all_headers["Content-Type"] = "application/json"
            self.connection.request(method, path, body=payload, headers=all_headers)
            response = self.connection.getresponse()
            data = response.read()
            try:
                parsed = json.loads(data) if data else None
            except ValueError:
                parsed = None
            return response.status, parsed
        except (OSError, http.client.HTTPException):
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            return 0, None


def worker(token, conversation):
    client = Client(token)
    messages = f"/api/v1/conversations/{conversation}/messages"
    while time.monotonic() < deadline:
        key = str(uuid.uuid4())
        for attempt in range(20):
            status, body = client.call("POST", messages, {"speaker": "user", "content": f"{marker} {key}"},
                                       {"Idempotency-Key": key})
            record(op="post", status=status, key=key, conversation=conversation, attempt=attempt,
                   id=(body or {}).get("id") if status == 201 else None)
            if status == 201 or (400 <= status < 500 and status not in (408, 409, 429)):
                break
            time.sleep(0.5)
        status, _ = client.call("GET", messages + "?limit=20")
        record(op="page", status=status, conversation=conversation)


threads = [threading.Thread(target=worker, args=(t[0], t[1]), daemon=True) for t in targets]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(float(seconds) + 30)
out.close()

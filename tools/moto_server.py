"""moto server, applying one request at a time.

moto checks a DynamoDB condition and then writes, in two steps; under moto's threaded server two
concurrent requests can both pass the check. DynamoDB itself applies conditional writes and
transactions atomically, so our race tests need an emulator that does too. This runs the same moto
application behind a lock: connections are still served concurrently, requests are applied one after
the other (which is serializable, as DynamoDB's per-item conditions are).

Usage: python tools/moto_server.py -H 127.0.0.1 -p 4566
"""
import argparse
import os
import threading

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple


class Serialized:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            # materialise the body inside the lock: the request is applied when this returns
            return list(self.app(environ, start_response))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, Serialized(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()

"""A real SMTP server (aiosmtpd) for the signaling server's mail tests.

Every message it accepts is written to OUT/NNNN.eml: first X-Test-* lines with the envelope, the authenticated
user and whether TLS was on, then the message as received. It runs until it is terminated.

    python3 smtp_server.py --port P --out DIR [--starttls CERT KEY] [--auth USER:PASSWORD]
"""
import argparse
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Saver:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            path = os.path.join(self.out, "%04d.eml" % self.count)
        user = session.auth_data.login.decode() if session.authenticated and session.auth_data else ""
        header = (
            "X-Test-Mail-From: %s\r\nX-Test-Rcpt-To: %s\r\nX-Test-Auth-User: %s\r\nX-Test-Tls: %s\r\n"
            % (envelope.mail_from, ",".join(envelope.rcpt_tos), user, "yes" if server.transport.get_extra_info("ssl_object") else "no")
        )
        with open(path + ".tmp", "wb") as out:
            out.write(header.encode())
            out.write(envelope.original_content)
        os.rename(path + ".tmp", path)
        return "250 OK"


def authenticator(expected_user, expected_password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == expected_user and auth_data.password.decode() == expected_password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return check


def context(cert, key):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASSWORD")
    args = parser.parse_args()

    parameters = {}
    if args.starttls:
        parameters.update(tls_context=context(*args.starttls), require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)
        parameters.update(
            authenticator=authenticator(user, password),
            auth_required=True,
            auth_require_tls=bool(args.starttls),
        )
    else:
        parameters.update(auth_require_tls=False)
    controller = Controller(
        Saver(args.out),
        hostname="127.0.0.1",
        port=args.port,
        ready_timeout=10,
        **parameters,
    )
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()

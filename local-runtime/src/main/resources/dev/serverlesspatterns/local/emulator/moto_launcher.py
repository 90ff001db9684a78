"""Starts moto's server and exits when the JVM that launched it goes away, so no emulator outlives its run.

It also serialises DynamoDB requests: moto handles each request on its own thread without locking, so two
concurrent UpdateItem calls on one item can lose an update (seen with "SET q = q + :n" and conditional writes),
while DynamoDB applies writes to an item one after another. Concurrency tests must see DynamoDB's behaviour.
"""
import functools
import os
import sys
import threading
import time

from moto.dynamodb.responses import DynamoHandler
from moto.server import main

launcher_parent = os.getppid()


def exit_with_parent():
    while True:
        if os.getppid() != launcher_parent:
            os._exit(0)
        time.sleep(1)


dynamodb_requests = threading.Lock()
handle_dynamodb_request = DynamoHandler.call_action


@functools.wraps(handle_dynamodb_request)
def one_dynamodb_request_at_a_time(self):
    with dynamodb_requests:
        return handle_dynamodb_request(self)


DynamoHandler.call_action = one_dynamodb_request_at_a_time
threading.Thread(target=exit_with_parent, daemon=True).start()
main(sys.argv[1:])

"""Starts moto's server and exits when the JVM that launched it goes away, so no emulator outlives its run.

It also serialises DynamoDB requests: moto handles each request on its own thread without locking, so two
concurrent UpdateItem calls on one item can lose an update (seen with "SET q = q + :n" and conditional writes),
while DynamoDB applies writes to an item one after another. Concurrency tests must see DynamoDB's behaviour.

And it keeps FIFO groups in order after a visibility timeout: moto 5.2.1 keeps a received message in its pending set
after its visibility timeout has passed, so when several messages of one group come back it hands out the last one
first (send m1, m2, m3, receive all, let them time out, receive: moto answers m3). SQS hands the group back from
its oldest message, and blocks a group only while one of its messages is in flight.

And it runs Step Functions executions (moto's ASL interpreter, off by default) with their Lambda tasks sent to the
local runtime: moto's interpreter calls every service at localhost:$MOTO_PORT, itself, whose Lambda backend cannot
run the suite's functions. The local runtime names its Lambda Invoke API through moto's own config API
(POST /moto-api/config {"stepfunctions": {"execute_state_machine": true, "lambda_endpoint_url": "http://..."}}); until
then, and for every other service (SNS publish tasks), the interpreter's calls stay with moto. moto before 5.2.3 also
fails every StartExecution after the first (getmoto/moto#10077: it deep-copies the state machine with the running
executions' locks), so those versions copy an execution by reference.

It binds the port it is given, 0 for any free one, and writes the port it got to the file named by
LOCAL_RUNTIME_PORT_FILE, so the launcher never hands it a port that someone else may take first.
"""
import functools
import os
import re
import sys
import threading
import time

import boto3
import werkzeug.serving
from moto import __version__ as moto_version
from moto.core.config import default_user_config
from moto.dynamodb.responses import DynamoHandler
from moto.server import main
from moto.sqs.models import Queue
from moto.stepfunctions.parser.asl.component.state.exec.state_task import lambda_eval_utils

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

visible_messages = Queue.messages.fget


def messages_after_expired_receives(self):
    for message in [pending for pending in self._pending_messages if pending.visible]:
        self._pending_messages.discard(message)
    return visible_messages(self)


Queue.messages = property(messages_after_expired_receives)
Queue.pending_message_groups = property(
    lambda self: {message.group_id for message in self._pending_messages
                  if message.group_id is not None and not message.visible})

default_user_config["stepfunctions"] = {"execute_state_machine": True}


def moto_before(version):
    installed = tuple(int(part) for part in re.findall(r"\d+", moto_version)[:3])
    return installed < version


if moto_before((5, 2, 3)):
    from moto.stepfunctions.parser.backend.execution import Execution

    Execution.__deepcopy__ = lambda self, memo: self

client_for_moto = lambda_eval_utils.boto_client_for


@functools.wraps(client_for_moto)
def lambda_client_for_the_local_runtime(region, service, state_credentials=None):
    client = client_for_moto(region=region, service=service, state_credentials=state_credentials)
    endpoint = default_user_config.get("stepfunctions", {}).get("lambda_endpoint_url")
    if service != "lambda" or not endpoint:
        return client
    # moto's client settings (no retries: the state machine's Retry decides), the local runtime's endpoint.
    return boto3.client(
        aws_access_key_id="ak",
        aws_secret_access_key="sk",
        region_name=region,
        service_name="lambda",
        endpoint_url=endpoint,
        config=client.meta.config,
    )


lambda_eval_utils.boto_client_for = lambda_client_for_the_local_runtime
create_server = werkzeug.serving.make_server


@functools.wraps(create_server)
def create_server_and_report_its_port(*args, **kwargs):
    server = create_server(*args, **kwargs)
    if os.environ.get("MOTO_PORT") == "0":
        os.environ["MOTO_PORT"] = str(server.port)
    port_file = os.environ.get("LOCAL_RUNTIME_PORT_FILE")
    if port_file:
        with open(port_file + ".tmp", "w") as written:
            written.write(str(server.port))
        os.replace(port_file + ".tmp", port_file)
    return server


werkzeug.serving.make_server = create_server_and_report_its_port
threading.Thread(target=exit_with_parent, daemon=True).start()
main(sys.argv[1:])

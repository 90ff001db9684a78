package dev.serverlesspatterns.redrive;

import java.util.Optional;

/**
 * The arguments of {@code redrive-dlq}.
 *
 * @param deadLetterQueue a queue URL, or a template logical id when a stack is given
 * @param target a queue URL or logical id; empty: the dead-letter queue's source queue
 */
record CommandLine(
        String deadLetterQueue,
        Optional<String> stack,
        Optional<String> target,
        int maxMessages,
        boolean dryRun,
        boolean payloadOnly,
        boolean help) {

    static final String USAGE = """
            Usage: redrive-dlq [options] <dead-letter queue>

            Moves the messages of an SQS dead-letter queue back to the queue they failed in, in batches of up
            to 10, keeping body and message attributes (and, on FIFO queues, the message group). A message is
            deleted from the dead-letter queue only after it was sent, so a stop at any point loses none: at
            worst a message is in both queues (a FIFO target drops that copy when re-run within 5 minutes).

            The dead-letter queue, given as
              a queue URL          http://127.0.0.1:5000/000000000000/suite-OrdersDeadLetterQueue
              a logical id         OrdersDeadLetterQueue --stack suite
                                   the queue named <stack>-<LogicalId> (.fifo for FIFO), as the local suite
                                   names it, or <stack>-<LogicalId>-<suffix>, as CloudFormation names it

            Options
              --stack <name>       the stack the logical ids belong to (the local suite's is "suite")
              --target <queue>     where the messages go, as a URL or logical id. Default: the one queue whose
                                   RedrivePolicy names the dead-letter queue. A Lambda on-failure queue has
                                   none, so it needs a target.
              --max <n>            move at most n messages
              --dry-run            list the messages (id, receive count, sent time, first 200 characters, and
                                   for Lambda on-failure records the function and why it gave up) and change
                                   nothing: the messages are visible again at once; only their receive count
                                   went up, as SQS counts every look
              --payload-only       for Lambda on-failure records: send the original event (requestPayload)
                                   instead of the whole record, to replay it into the function's source
              --help               this text

            Where AWS is comes from the SDK's usual settings: AWS_ENDPOINT_URL (the local suite's emulator URL,
            which ./run-local prints), AWS_REGION, AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
            For an endpoint on this machine, redrive-dlq defaults the region to us-east-1 and the credentials to
            test/test.

            Exit status: 0 when everything asked was done, 1 when something failed (the summary says where the
            messages are), 2 on wrong usage.""";

    static CommandLine parse(String... args) {
        String deadLetterQueue = null;
        String stack = null;
        String target = null;
        int max = RedriveRequest.UNLIMITED;
        boolean dryRun = false;
        boolean payloadOnly = false;
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--help", "-h" -> {
                    return new CommandLine("", Optional.empty(), Optional.empty(), max, false, false, true);
                }
                case "--stack" -> stack = value(args, ++index, arg);
                case "--target" -> target = value(args, ++index, arg);
                case "--max" -> max = positive(value(args, ++index, arg));
                case "--dry-run" -> dryRun = true;
                case "--payload-only" -> payloadOnly = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    if (deadLetterQueue != null) {
                        throw new IllegalArgumentException(
                                "One dead-letter queue at a time: " + deadLetterQueue + " and " + arg);
                    }
                    deadLetterQueue = arg;
                }
            }
        }
        if (deadLetterQueue == null) {
            throw new IllegalArgumentException("Which dead-letter queue? Give its URL, or its logical id and --stack");
        }
        for (String queue : new String[] {deadLetterQueue, target}) {
            if (queue != null && !isUrl(queue) && stack == null) {
                throw new IllegalArgumentException(
                        queue + " is not a queue URL: give the stack its logical id belongs to (--stack)");
            }
        }
        return new CommandLine(
                deadLetterQueue,
                Optional.ofNullable(stack),
                Optional.ofNullable(target),
                max,
                dryRun,
                payloadOnly,
                false);
    }

    static boolean isUrl(String queue) {
        return queue.startsWith("https://") || queue.startsWith("http://");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String value) {
        // Up to nine digits: any count a queue can hold, and never an int overflow.
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("--max needs a positive whole number, not " + value);
        }
        return Integer.parseInt(value);
    }
}

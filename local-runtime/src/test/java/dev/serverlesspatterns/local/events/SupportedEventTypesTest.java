package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runtime runs every event type the template gives its functions, and names those it cannot. */
class SupportedEventTypesTest {

    @Test
    void everyEventOfTheRepositoryTemplateIsRunLocally() {
        // given the repository template
        SamTemplate template = SamTemplate.ofRepository();

        // when the runtime checks which events it cannot run
        var unsupported = EventSources.unsupportedEventTypes(template);

        // then none is left out silently
        assertThat(unsupported).isEmpty();
    }

    @Test
    void namesTheEventsItCannotRun(@TempDir Path directory) throws IOException {
        // given a template with two stream events, and two event types the local runtime does not run
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Clicks:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/1
                            StartingPosition: LATEST
                        ClickStream:
                          Type: Kinesis
                          Properties:
                            Stream: arn:aws:kinesis:us-east-1:000000000000:stream/clicks
                            StartingPosition: LATEST
                        Nightly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(1 day)
                        Uploads:
                          Type: MQ
                          Properties:
                            Broker: arn:aws:mq:us-east-1:000000000000:broker:b:b-1
                            Queues: [uploads]
                """);

        // when the runtime checks which events it cannot run
        var unsupported = EventSources.unsupportedEventTypes(SamTemplate.load(file));

        // then it names exactly those two, by function and event
        assertThat(unsupported).containsExactly("Clicks.Nightly (ScheduleV2)", "Clicks.Uploads (MQ)");
    }
}

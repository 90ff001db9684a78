package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's DynamoDB stream events, read the way SAM defines them, with Lambda's defaults. */
class StreamEventsTest {

    private final SamTemplate template = streamsTemplate();

    @Test
    void readsEverySettingOfAStreamEventSourceMapping() {
        // when the stream event of the projecting function is read
        var mapping = template.function("ProjectOrdersFunction").streamEvents().getFirst();

        // then every setting the runtime honours is there
        assertThat(mapping.functionLogicalId()).isEqualTo("ProjectOrdersFunction");
        assertThat(mapping.name()).isEqualTo("OrderChanges");
        assertThat(mapping.stream()).isEqualTo(Map.of("Fn::GetAtt", List.of("OrdersTable", "StreamArn")));
        assertThat(mapping.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.batchSize()).isEqualTo(10);
        assertThat(mapping.maximumBatchingWindowSeconds()).isZero();
        assertThat(mapping.bisectBatchOnFunctionError()).isTrue();
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(3);
        assertThat(mapping.maximumRecordAgeSeconds()).isEqualTo(3600);
        assertThat(mapping.reportBatchItemFailures()).isTrue();
        assertThat(mapping.onFailureDestination())
                .isEqualTo(Map.of("Fn::GetAtt", List.of("OrderChangesFailuresQueue", "Arn")));
        assertThat(mapping.enabled()).isTrue();
    }

    @Test
    void appliesLambdaDefaultsWhenTheTemplateSaysNothing() {
        // when the stream event that sets only what SAM requires is read
        var mapping = template.function("AuditOrdersFunction").streamEvents().getFirst();

        // then it has Lambda's defaults: 100 records, no window, no bisecting, retries and age without limit
        assertThat(mapping.startingPosition()).isEqualTo("LATEST");
        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.maximumBatchingWindowSeconds()).isZero();
        assertThat(mapping.bisectBatchOnFunctionError()).isFalse();
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(mapping.maximumRecordAgeSeconds()).isEqualTo(-1);
        assertThat(mapping.reportBatchItemFailures()).isFalse();
        assertThat(mapping.onFailureDestination()).isNull();
        assertThat(mapping.enabled()).isFalse();
    }

    @Test
    void refusesFilterCriteriaRatherThanDeliverWhatTheyWouldFilterOut(@TempDir Path directory) throws IOException {
        // given a stream event with filter criteria
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Projector:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Inserts:
                          Type: DynamoDB
                          Properties:
                            Stream: arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/1
                            StartingPosition: LATEST
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"eventName": ["INSERT"]}'
                """);

        // when and then
        assertThatThrownBy(() -> SamTemplate.load(file).function("Projector").streamEvents())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FilterCriteria of Projector.Inserts");
    }

    static SamTemplate streamsTemplate() {
        try {
            return SamTemplate.load(Path.of(StreamEventsTest.class
                    .getResource("/templates/streams.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nested stacks read as one template, wired by parameters and outputs the way a deploy wires them. */
class NestedStacksTest {

    private final SamTemplate template = SamTemplate.load(Path.of("src/test/resources/templates/nested/template.yaml"));

    private final Intrinsics intrinsics = new Intrinsics(
            template.parameterValues(Map.of("StageName", "v2")),
            Map.of("AWS::Region", "eu-west-1"),
            new EchoResources());

    @Test
    void resolvesNestedParametersToWhatTheRootPassesAndOutputsToTheirValues() {
        // when the nested consumer function's environment is resolved
        Map<String, String> environment = template.function("ConsumeFunction").environment(intrinsics);

        // then the topic is the producer stack's resource, the stage the root's overridden parameter, a parameter the
        // root does not pass its default, and the nested stack's own Globals apply
        assertThat(environment)
                .containsEntry("EVENTS_TOPIC", "ref-of-EventsTopic")
                .containsEntry("STAGE_URL", "https://example.com/v2/eu-west-1")
                .containsEntry("BATCH_SIZE", "7");
        assertThat(template.function("ConsumeFunction").timeoutSeconds()).isEqualTo(9);
    }

    @Test
    void resolvesANestedStacksPathsAgainstItsOwnFolder() {
        // when and then
        assertThat(template.function("ConsumeFunction").codeUri())
                .isEqualTo(Path.of("src/test/resources/services/consumer/target/consumer-aws.jar")
                        .toAbsolutePath()
                        .normalize());
    }

    @Test
    void mergesEveryStacksResourcesButNotTheApplicationsThemselves() {
        // when and then
        assertThat(template.resources()).containsOnlyKeys("AlarmTopic", "EventsTopic", "ConsumeFunction");
        assertThat(template.stackFiles()).hasSize(3);
    }

    @Test
    void refusesALogicalIdDeclaredInTwoStacks(@TempDir Path directory) throws IOException {
        // given a nested stack that declares a logical id the root declares too
        Files.writeString(directory.resolve("child.yaml"), """
                Resources:
                  Events:
                    Type: AWS::SNS::Topic
                """);
        Path root = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Events:
                    Type: AWS::SNS::Topic
                  ChildStack:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: child.yaml
                """);

        // when and then: the local runtime, like the tests that name resources by logical id, could not tell them apart
        assertThatThrownBy(() -> SamTemplate.load(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Logical id Events is declared in both");
    }

    @Test
    void refusesANestedParameterWithoutValue(@TempDir Path directory) throws IOException {
        // given a nested stack whose parameter has no default and is not passed
        Files.writeString(directory.resolve("child.yaml"), """
                Parameters:
                  TopicArn:
                    Type: String
                Resources:
                  Events:
                    Type: AWS::SNS::Topic
                """);
        Path root = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  ChildStack:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: child.yaml
                """);

        // when and then
        assertThatThrownBy(() -> SamTemplate.load(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("passes no value for parameter TopicArn");
    }

    @Test
    void refusesANestedStackThatIsNotALocalFile(@TempDir Path directory) throws IOException {
        // given a nested application from the Serverless Application Repository
        Path root = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  ChildStack:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location:
                        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/x
                        SemanticVersion: 1.0.0
                """);

        // when and then
        assertThatThrownBy(() -> SamTemplate.load(root))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("local Location only");
    }

    @Test
    void theRepositoryTemplateNestsOneStackPerServiceWithUniqueLogicalIds() {
        // when the repository template is loaded (a logical id declared twice would stop it)
        SamTemplate repository = SamTemplate.ofRepository();

        // then every nested stack was read, and resources of each are in the one view
        assertThat(repository.stackFiles()).hasSizeGreaterThan(1);
        assertThat(repository.resources())
                .containsKeys("AlarmTopic", "ShopApi", "AuthorizeRequestFunction", "OrdersTable", "PaymentWebhooksApi");
    }
}

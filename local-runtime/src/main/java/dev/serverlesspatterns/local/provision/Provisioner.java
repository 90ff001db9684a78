package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.template.CustomResourceDefinition;
import dev.serverlesspatterns.local.template.DeliveryStreamDefinition;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates in the emulator what the template declares, so the local run is wired by the same file that
 * deploys to AWS. Every resource type is either provisioned, served by the local runtime itself, or listed
 * as deploy-only; anything else stops the run with a message instead of being silently skipped. Custom resources
 * ({@link CustomResourceDefinition}) need their functions running, so they are created after the services start
 * ({@code customresource.CustomResources}), not here.
 */
public final class Provisioner {

    /** Types that change nothing a local run can observe (permissions, dashboards, alarms). */
    public static final Set<String> DEPLOY_ONLY = Set.of(
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::Lambda::Permission",
            "AWS::CloudWatch::Alarm",
            "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy");

    /**
     * Types the local runtime runs itself rather than creating them in the emulator; a delivery stream because the
     * emulator's Firehose does not read a Kinesis source ({@code events.FirehoseDelivery}).
     */
    public static final Set<String> SERVED_LOCALLY =
            Set.of(FunctionDefinition.TYPE, RestApiDefinition.TYPE, DeliveryStreamDefinition.TYPE, Caches.TYPE);

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    private Provisioner() {}

    public static Set<String> provisionedTypes() {
        return Set.of(
                DynamoDbTables.TYPE,
                Secrets.TYPE,
                Queues.TYPE,
                Topics.TYPE,
                Topics.SUBSCRIPTION_TYPE,
                Buckets.TYPE,
                EventRules.BUS_TYPE,
                EventRules.RULE_TYPE,
                KinesisStreams.TYPE,
                StateMachines.TYPE);
    }

    /** Resource types of the template the local runtime can neither provision, serve nor ignore. */
    public static Set<String> unsupportedTypes(SamTemplate template) {
        Set<String> unsupported = new TreeSet<>();
        template.resources().values().stream()
                .map(TemplateResource::type)
                .filter(type -> !provisionedTypes().contains(type)
                        && !SERVED_LOCALLY.contains(type)
                        && !CustomResourceDefinition.isCustomResource(type)
                        && !DEPLOY_ONLY.contains(type))
                .forEach(unsupported::add);
        return unsupported;
    }

    /**
     * Creates the template's resources in the emulator, each after the resources it references (see
     * {@link ProvisioningOrder}); a template whose resources reference each other in a cycle is refused.
     */
    public static Stack provision(
            SamTemplate template, AwsEndpoint endpoint, String stackName, Map<String, String> parameterOverrides) {
        return provision(template, endpoint, stackName, parameterOverrides, Optional.empty());
    }

    /** @param redis the engine that serves the template's caches ({@link Caches}) */
    public static Stack provision(
            SamTemplate template,
            AwsEndpoint endpoint,
            String stackName,
            Map<String, String> parameterOverrides,
            Optional<Engine> redis) {
        Set<String> unsupported = unsupportedTypes(template);
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("The local runtime cannot provision " + unsupported + ": add support in "
                    + Provisioner.class.getName() + " or list the type as deploy-only");
        }
        Stack stack = new Stack(template, stackName, endpoint, template.parameterValues(parameterOverrides));
        List<TemplateResource> resources = ProvisioningOrder.of(template);
        try (DynamoDbClient dynamo = endpoint.configure(DynamoDbClient.builder());
                SecretsManagerClient secrets = endpoint.configure(SecretsManagerClient.builder());
                SqsClient sqs = endpoint.configure(SqsClient.builder());
                SnsClient sns = endpoint.configure(SnsClient.builder());
                EventBridgeClient events = endpoint.configure(EventBridgeClient.builder());
                S3Client s3 = endpoint.s3();
                KinesisClient kinesis = endpoint.kinesis();
                SfnClient sfn = endpoint.configure(SfnClient.builder())) {
            for (TemplateResource resource : resources) {
                switch (resource.type()) {
                    case DynamoDbTables.TYPE -> DynamoDbTables.create(dynamo, resource, stack);
                    case Secrets.TYPE -> Secrets.create(secrets, resource, stack);
                    case Queues.TYPE -> Queues.create(sqs, resource, stack);
                    case Topics.TYPE -> Topics.create(sns, resource, stack);
                    case Topics.SUBSCRIPTION_TYPE -> Topics.subscribe(sns, resource, stack);
                    case Buckets.TYPE -> Buckets.create(s3, resource, stack);
                    case EventRules.BUS_TYPE -> EventRules.createBus(events, resource, stack);
                    case EventRules.RULE_TYPE -> EventRules.createRule(events, resource, stack);
                    case KinesisStreams.TYPE -> KinesisStreams.create(kinesis, resource, stack);
                    case StateMachines.TYPE -> StateMachines.create(sfn, resource, stack);
                    case DeliveryStreamDefinition.TYPE -> recordDeliveryStream(resource, stack, endpoint);
                    case FunctionDefinition.TYPE ->
                        stack.record(
                                resource.logicalId(),
                                stack.generatedName(resource.logicalId()),
                                Map.of(
                                        "Arn",
                                        "arn:aws:lambda:" + endpoint.region() + ":" + AwsEndpoint.ACCOUNT_ID
                                                + ":function:" + stack.generatedName(resource.logicalId())));
                    case Caches.TYPE -> Caches.serve(resource, stack, redis);
                    case RestApiDefinition.TYPE ->
                        stack.record(resource.logicalId(), "local", Map.of("RootResourceId", "root"));
                    default ->
                        log.debug(
                                "{} ({}) is {}",
                                resource.logicalId(),
                                resource.type(),
                                CustomResourceDefinition.isCustomResource(resource.type())
                                        ? "created once the services run"
                                        : "deploy-only");
                }
            }
        }
        return stack;
    }

    /** Its name and ARN, for whatever references it; the delivery itself starts with the event sources. */
    private static void recordDeliveryStream(TemplateResource resource, Stack stack, AwsEndpoint endpoint) {
        Object declared = DeliveryStreamDefinition.of(resource).name();
        String name = declared == null
                ? stack.generatedName(resource.logicalId())
                : stack.intrinsics().resolveString(declared);
        stack.record(
                resource.logicalId(),
                name,
                Map.of(
                        "Arn",
                        "arn:aws:firehose:" + endpoint.region() + ":" + AwsEndpoint.ACCOUNT_ID + ":deliverystream/"
                                + name));
    }
}

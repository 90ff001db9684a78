package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.gateway.ApiGateway;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strangler: behind the shop API's one base URL, the paths not migrated yet go to the legacy shop
 * (legacy/shop-monolith, started by the local runtime as a companion app) through an HTTP proxy integration, the
 * migrated ones to functions; moving a route from the monolith to a function is a template change only.
 */
@ExtendWith(LocalSuiteExtension.class)
class StranglerIT {

    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";

    /** The lookup route's integration in infra/stacks/shop-api.yaml, and what migrating it to getOrder makes of it. */
    private static final String LEGACY_LOOKUP = """
                x-amazon-apigateway-integration:
                  type: http_proxy
                  httpMethod: GET
                  uri: !Sub "${LegacyShopUrl}/legacy/orders/{orderId}"
                  requestParameters:
                    integration.request.path.orderId: method.request.path.orderId
            """.indent(10);

    private static final String MIGRATED_LOOKUP = """
                x-amazon-apigateway-integration:
                  type: aws_proxy
                  httpMethod: POST
                  uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${GetOrderFunctionAlias}/invocations"
            """.indent(10);

    private LocalSuite suite;
    private ShopApi api;
    private String token;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        Identities identities = new Identities(api, suite);
        this.token = identities.token(identities.newUser("orders:read", "orders:write"));
    }

    @Test
    void aLegacyPathReachesTheLegacyApp() {
        // given the function that serves migrated order lookups, and how often it ran
        int lookups = suite.invocations().count("GetOrderFunction");

        // when a client issues a gift card, reads it, and looks up an order of the old shop under /legacy
        ShopApi.Response issued = api.request("POST", "/legacy/gift-cards")
                .bearer(token)
                .json("{\"amountCents\":2500,\"currency\":\"EUR\"}")
                .send();
        String code = issued.json().path("code").asString();
        ShopApi.Response card =
                api.request("GET", "/legacy/gift-cards/" + code).bearer(token).send();
        ShopApi.Response oldOrder =
                api.request("GET", "/legacy/orders/LEGACY-1001").bearer(token).send();

        // then the legacy shop answered all three from its own tables, and no function ran
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Location")).isEqualTo("/legacy/gift-cards/" + code);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.json().path("balanceCents").asLong()).isEqualTo(2500);
        assertThat(oldOrder.status()).as(oldOrder.body()).isEqualTo(200);
        assertThat(oldOrder.json().path("status").asString()).isEqualTo("SHIPPED");
        assertThat(suite.invocations().count("GetOrderFunction")).isEqualTo(lookups);
    }

    @Test
    void aMigratedPathReachesTheFunctionThroughTheSameBaseUrl() {
        // given the function's invocation count
        int lookups = suite.invocations().count("GetOrderFunction");

        // when a client places an order and reads it at the migrated path, next to the legacy paths
        ShopApi.Response placed =
                api.request("POST", "/orders").bearer(token).json(ORDER).send();
        String orderId = placed.json().path("orderId").asString();
        ShopApi.Response read =
                api.request("GET", "/orders/" + orderId).bearer(token).send();

        // then the orders service's function answered
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("orderId").asString()).isEqualTo(orderId);
        assertThat(suite.invocations().count("GetOrderFunction")).isEqualTo(lookups + 1);
    }

    @Test
    void legacyPathsKeepTheGatewaysAuthorizerAndTheSuitesProblems() {
        // when a legacy path is called without a token, and with a body the legacy shop refuses
        ShopApi.Response anonymous =
                api.request("GET", "/legacy/gift-cards/ANY").send();
        ShopApi.Response invalid = api.request("POST", "/legacy/gift-cards")
                .bearer(token)
                .json("{\"amountCents\":-5,\"currency\":\"EUR\"}")
                .send();

        // then the gateway refuses the first itself, and the legacy shop the second, both as problem JSON
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("code").asString()).isEqualTo("INVALID_GIFT_CARD_REQUEST");
    }

    @Test
    void movingARouteToAFunctionChangesTheTemplateNotTheClient(@TempDir Path directory) throws IOException {
        // given an order placed with the orders service, which the legacy lookup does not know
        String orderId = api.request("POST", "/orders")
                .bearer(token)
                .json(ORDER)
                .send()
                .json()
                .path("orderId")
                .asString();
        String lookup = "/legacy/orders/" + orderId;
        ShopApi.Response beforeFlip = api.request("GET", lookup).bearer(token).send();
        assertThat(beforeFlip.status()).as(beforeFlip.body()).isEqualTo(404);
        assertThat(beforeFlip.json().path("code").asString()).isEqualTo("ORDER_NOT_FOUND");
        int lookups = suite.invocations().count("GetOrderFunction");

        // when a copy of the template sends that route to getOrder instead, and a gateway serves the copy
        try (ApiGateway flipped = suite.startGateway(shopApiWithTheLookupMigrated(directory))) {
            ShopApi client = new ShopApi(flipped.baseUrl());
            ShopApi.Response afterFlip =
                    client.request("GET", lookup).bearer(token).send();
            ShopApi.Response stillLegacy = client.request("GET", "/legacy/orders/LEGACY-1001")
                    .bearer(token)
                    .send();

            // then the same request now reaches the function and finds the order
            assertThat(afterFlip.status()).as(afterFlip.body()).isEqualTo(200);
            assertThat(afterFlip.json().path("orderId").asString()).isEqualTo(orderId);
            assertThat(suite.invocations().count("GetOrderFunction")).isEqualTo(lookups + 2);
            // and the function, not the monolith, answers the old shop's order now: the data moves with the route
            assertThat(stillLegacy.status()).isEqualTo(404);
        }
    }

    /** The repository's template tree, copied, with the one route's integration changed: the migration's diff. */
    private static RestApiDefinition shopApiWithTheLookupMigrated(Path directory) throws IOException {
        SamTemplate repository = SamTemplate.ofRepository();
        Path root = directory.resolve("template.yaml");
        for (Path stack : repository.stackFiles()) {
            Path copy = root.resolveSibling(repository.directory().relativize(stack));
            Files.createDirectories(copy.getParent());
            String text = Files.readString(stack);
            if (stack.getFileName().toString().equals("shop-api.yaml")) {
                assertThat(text).contains(LEGACY_LOOKUP);
                text = text.replace(LEGACY_LOOKUP, MIGRATED_LOOKUP);
            }
            Files.writeString(copy, text);
        }
        return SamTemplate.load(root).restApis().stream()
                .filter(api -> api.logicalId().equals("ShopApi"))
                .findFirst()
                .orElseThrow();
    }
}

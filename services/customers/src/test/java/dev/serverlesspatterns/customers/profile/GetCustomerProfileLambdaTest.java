package dev.serverlesspatterns.customers.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The internal API's function through SCF's FunctionInvoker, fed the request a caller's RequestResponse invoke sends. */
@ExtendWith(LocalAwsExtension.class)
class GetCustomerProfileLambdaTest {

    private static final String FUNCTION = "GetCustomerProfileFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void answersTheCustomersDeliveryAddresses(LambdaHarness lambda, ProvisionedStack stack) {
        // given two addresses the shop API saved for a customer, and one of another customer
        String customer = "customer-" + UUID.randomUUID();
        saveAddress(stack, customer, "a-1", "Amsterdam", "NL");
        saveAddress(stack, customer, "a-2", "Berlin", "DE");
        saveAddress(stack, "customer-" + UUID.randomUUID(), "a-3", "Paris", "FR");

        // when the internal API is asked for the customer's profile
        JsonNode profile = JSON.readTree(lambda.invoke(FUNCTION, request(customer)));

        // then it answers the customer's two addresses, field by field
        assertThat(profile.get("customerId").asString()).isEqualTo(customer);
        assertThat(profile.get("found").asBoolean()).isTrue();
        assertThat(profile.get("deliveryAddresses")).hasSize(2);
        JsonNode first = profile.get("deliveryAddresses").get(0);
        assertThat(first.get("addressId").asString()).isEqualTo("a-1");
        assertThat(first.get("recipient").asString()).isEqualTo("Alice Example");
        assertThat(first.get("line1").asString()).isEqualTo("Keizersgracht 1");
        assertThat(first.get("city").asString()).isEqualTo("Amsterdam");
        assertThat(first.get("postcode").asString()).isEqualTo("1015 AA");
        assertThat(first.get("country").asString()).isEqualTo("NL");
        assertThat(profile.get("deliveryAddresses").get(1).get("city").asString())
                .isEqualTo("Berlin");
    }

    @Test
    void anUnknownCustomerIsANormalAnswerNotAnError(LambdaHarness lambda) {
        // given a customer who never saved an address
        String customer = "customer-" + UUID.randomUUID();

        // when the internal API is asked for the profile
        JsonNode profile = JSON.readTree(lambda.invoke(FUNCTION, request(customer)));

        // then it answers found=false with no addresses
        assertThat(profile.get("customerId").asString()).isEqualTo(customer);
        assertThat(profile.get("found").asBoolean()).isFalse();
        assertThat(profile.get("deliveryAddresses")).isEmpty();
    }

    @Test
    void aRequestWithoutACustomerIdFailsTheInvocation(LambdaHarness lambda) {
        // given a caller's request that names no customer
        String request = "{}";

        // when / then: the function fails, which Lambda reports as a function error, not as a profile
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, request))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("needs a customerId");
    }

    private static String request(String customer) {
        return Fixtures.event("get-customer-profile.json", Map.of("CUSTOMER_ID", customer))
                .toString();
    }

    /** The item POST /delivery-addresses writes (its mapping template in stacks/shop-api.yaml). */
    private static void saveAddress(
            ProvisionedStack stack, String customer, String addressId, String city, String country) {
        try (DynamoDbClient dynamo = stack.client(DynamoDbClient.builder())) {
            dynamo.putItem(put -> put.tableName(stack.physicalName("DeliveryAddressesTable"))
                    .item(Map.of(
                            "customerId", AttributeValue.fromS(customer),
                            "addressId", AttributeValue.fromS(addressId),
                            "recipient", AttributeValue.fromS("Alice Example"),
                            "line1", AttributeValue.fromS("Keizersgracht 1"),
                            "city", AttributeValue.fromS(city),
                            "postcode", AttributeValue.fromS("1015 AA"),
                            "country", AttributeValue.fromS(country),
                            "createdAt", AttributeValue.fromN("1793701212402"))));
        }
    }
}

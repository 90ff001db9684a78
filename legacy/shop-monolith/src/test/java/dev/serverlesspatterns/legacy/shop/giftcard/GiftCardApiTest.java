package dev.serverlesspatterns.legacy.shop.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GiftCardApiTest {

    private static final EmbeddedPostgres POSTGRES = start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        POSTGRES.close();
    }

    @Test
    void issuesAGiftCardAndReadsItBack() throws Exception {
        // when a card is issued
        HttpResponse<String> issued = send("POST", "/legacy/gift-cards", "{\"amountCents\":5000,\"currency\":\"EUR\"}");

        // then it is created in the monolith's own schema and can be read at its location
        assertThat(issued.statusCode()).isEqualTo(201);
        String code = JSON.readTree(issued.body()).path("code").asString();
        assertThat(issued.headers().firstValue("Location")).contains("/legacy/gift-cards/" + code);
        JsonNode card =
                JSON.readTree(send("GET", "/legacy/gift-cards/" + code, null).body());
        assertThat(card.path("balanceCents").asLong()).isEqualTo(5000);
        assertThat(card.path("currency").asString()).isEqualTo("EUR");
        assertThat(jdbc.sql("SELECT count(*) FROM legacy.gift_cards WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void redeemsNoMoreThanTheBalance() throws Exception {
        // given a card of 10.00
        String code = JSON.readTree(send("POST", "/legacy/gift-cards", "{\"amountCents\":1000,\"currency\":\"EUR\"}")
                        .body())
                .path("code")
                .asString();

        // when 6.00 is redeemed twice
        HttpResponse<String> first =
                send("POST", "/legacy/gift-cards/" + code + "/redemptions", "{\"amountCents\":600}");
        HttpResponse<String> second =
                send("POST", "/legacy/gift-cards/" + code + "/redemptions", "{\"amountCents\":600}");

        // then the first leaves 4.00 and the second is refused with a machine-readable code, the balance untouched
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("balanceCents").asLong()).isEqualTo(400);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).path("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(JSON.readTree(send("GET", "/legacy/gift-cards/" + code, null).body())
                        .path("balanceCents")
                        .asLong())
                .isEqualTo(400);
    }

    @Test
    void refusesBadInputWithProblemJsonAndWritesNothing() throws Exception {
        // given the cards so far
        long before = jdbc.sql("SELECT count(*) FROM legacy.gift_cards")
                .query(Long.class)
                .single();

        // when the amount is missing, the currency wrong, the body not JSON, and the card unknown
        HttpResponse<String> noAmount = send("POST", "/legacy/gift-cards", "{\"currency\":\"EUR\"}");
        HttpResponse<String> badCurrency =
                send("POST", "/legacy/gift-cards", "{\"amountCents\":100,\"currency\":\"euro\"}");
        HttpResponse<String> notJson = send("POST", "/legacy/gift-cards", "{amountCents");
        HttpResponse<String> unknown = send("GET", "/legacy/gift-cards/NOSUCHCARD", null);

        // then each gets the suite's problem JSON with its code
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(noAmount.body()).path("code").asString()).isEqualTo("INVALID_GIFT_CARD_REQUEST");
        assertThat(JSON.readTree(noAmount.body())
                        .path("errors")
                        .path(0)
                        .path("pointer")
                        .asString())
                .isEqualTo("/amountCents");
        assertThat(JSON.readTree(badCurrency.body())
                        .path("errors")
                        .path(0)
                        .path("pointer")
                        .asString())
                .isEqualTo("/currency");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("GIFT_CARD_NOT_FOUND");
        // and nothing was written
        assertThat(jdbc.sql("SELECT count(*) FROM legacy.gift_cards")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded Postgres did not start", e);
        }
    }
}

package dev.serverlesspatterns.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RecordSchemaTest {

    record Line(String sku, int quantity) {}

    record Basket(String basketId, long totalCents, Set<String> tags, List<Line> lines, Instant createdAt) {}

    private static final TableSchema<Line> LINE = RecordSchema.of(
                    Line.class, line -> new Line(line.get("sku"), line.get("quantity", 0)))
            .attribute(String.class, "sku", Line::sku)
            .attribute(Integer.class, "quantity", Line::quantity)
            .build();

    private static final TableSchema<Basket> BASKET = RecordSchema.of(
                    Basket.class,
                    basket -> new Basket(
                            basket.get("basketId"),
                            basket.get("totalCents", 0L),
                            basket.get("tags", Set.of()),
                            basket.get("lines"),
                            basket.get("createdAt")))
            .attribute(String.class, "basketId", Basket::basketId, primaryPartitionKey())
            .attribute(Long.class, "totalCents", Basket::totalCents)
            .attribute(EnhancedType.setOf(String.class), "tags", Basket::tags)
            .attribute(EnhancedType.listOf(EnhancedType.documentOf(Line.class, LINE)), "lines", Basket::lines)
            .attribute(Instant.class, "createdAt", Basket::createdAt)
            .build();

    @Test
    void writesEachAttributeUnderItsNameInDynamoDbTypes() {
        // given
        Basket basket = new Basket(
                "b-1", 2500, Set.of("gift"), List.of(new Line("MUG", 2)), Instant.parse("2026-12-02T10:20:30.123Z"));

        // when
        Map<String, AttributeValue> item = BASKET.itemToMap(basket, true);

        // then
        assertThat(item)
                .containsEntry("basketId", AttributeValue.fromS("b-1"))
                .containsEntry("totalCents", AttributeValue.fromN("2500"))
                .containsEntry("tags", AttributeValue.fromSs(List.of("gift")))
                .containsEntry(
                        "lines",
                        AttributeValue.fromL(List.of(AttributeValue.fromM(
                                Map.of("sku", AttributeValue.fromS("MUG"), "quantity", AttributeValue.fromN("2"))))))
                .containsEntry("createdAt", AttributeValue.fromS("2026-12-02T10:20:30.123Z"));
        assertThat(BASKET.tableMetadata().primaryPartitionKey()).isEqualTo("basketId");
    }

    @Test
    void readsAnItemBackIntoTheRecord() {
        // given
        Basket basket = new Basket("b-2", 10, Set.of("a", "b"), List.of(new Line("TEA", 1)), Instant.EPOCH);

        // when
        Basket read = BASKET.mapToItem(BASKET.itemToMap(basket, true));

        // then
        assertThat(read).isEqualTo(basket);
    }

    @Test
    void givesTheDeclaredDefaultForAnAttributeTheItemLacks() {
        // when
        Basket keyOnly = BASKET.mapToItem(Map.of("basketId", AttributeValue.fromS("b-3")));

        // then
        assertThat(keyOnly).isEqualTo(new Basket("b-3", 0, Set.of(), null, null));
    }
}

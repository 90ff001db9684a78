package dev.serverlesspatterns.platform.dynamodb;

import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A static table schema for a record: each attribute named once with its getter, the record built by its constructor
 * from {@link ItemValues}. Nothing is introspected at start-up, unlike {@code TableSchema.fromBean} or
 * {@code fromImmutableClass}, and the attribute names stay written out, as the tables' stream consumers expect them.
 */
public final class RecordSchema<T> {

    private final StaticImmutableTableSchema.Builder<T, ItemValues> builder;

    private RecordSchema(Class<T> type, Function<ItemValues, T> constructor) {
        this.builder =
                StaticImmutableTableSchema.builder(type, ItemValues.class).newItemBuilder(ItemValues::new, constructor);
    }

    public static <T> RecordSchema<T> of(Class<T> type, Function<ItemValues, T> constructor) {
        return new RecordSchema<>(type, constructor);
    }

    public <V> RecordSchema<T> attribute(
            Class<V> type, String name, Function<T, V> getter, StaticAttributeTag... tags) {
        return attribute(EnhancedType.of(type), name, getter, tags);
    }

    public <V> RecordSchema<T> attribute(
            EnhancedType<V> type, String name, Function<T, V> getter, StaticAttributeTag... tags) {
        builder.addAttribute(
                type,
                attribute -> attribute
                        .name(name)
                        .getter(getter)
                        .setter((values, value) -> values.put(name, value))
                        .tags(tags));
        return this;
    }

    public StaticImmutableTableSchema<T, ItemValues> build() {
        return builder.build();
    }
}

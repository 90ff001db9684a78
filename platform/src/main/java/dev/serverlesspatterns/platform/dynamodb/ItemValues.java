package dev.serverlesspatterns.platform.dynamodb;

import java.util.HashMap;
import java.util.Map;

/**
 * The attribute values of one item while the enhanced client reads it into a record: the builder of a
 * {@link RecordSchema}, handed to the record's constructor once every attribute the item has is in.
 */
public final class ItemValues {

    private final Map<String, Object> values = new HashMap<>();

    void put(String attribute, Object value) {
        values.put(attribute, value);
    }

    /** The attribute's value, or null when the item does not have it. */
    @SuppressWarnings("unchecked")
    public <V> V get(String attribute) {
        return (V) values.get(attribute);
    }

    /** The attribute's value, or {@code absent} when the item does not have it. */
    public <V> V get(String attribute, V absent) {
        V value = get(attribute);
        return value == null ? absent : value;
    }
}

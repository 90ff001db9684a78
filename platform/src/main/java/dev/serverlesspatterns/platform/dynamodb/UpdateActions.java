package dev.serverlesspatterns.platform.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.update.AddAction;
import software.amazon.awssdk.enhanced.dynamodb.update.DeleteAction;
import software.amazon.awssdk.enhanced.dynamodb.update.SetAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The actions of an {@link software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression} on one top-level
 * attribute, with {@code #attribute} and {@code :attribute} as placeholders, so reserved words such as {@code status}
 * need no thought.
 */
public final class UpdateActions {

    private UpdateActions() {}

    /** {@code SET attribute = value}. */
    public static SetAction set(String attribute, AttributeValue value) {
        return SetAction.builder()
                .path(name(attribute))
                .value(value(attribute))
                .putExpressionName(name(attribute), attribute)
                .putExpressionValue(value(attribute), value)
                .build();
    }

    /** {@code ADD attribute value}: adds to a number, or puts members into a set, atomically. */
    public static AddAction add(String attribute, AttributeValue value) {
        return AddAction.builder()
                .path(name(attribute))
                .value(value(attribute))
                .putExpressionName(name(attribute), attribute)
                .putExpressionValue(value(attribute), value)
                .build();
    }

    /** {@code DELETE attribute value}: takes members out of a set, atomically. */
    public static DeleteAction delete(String attribute, AttributeValue value) {
        return DeleteAction.builder()
                .path(name(attribute))
                .value(value(attribute))
                .putExpressionName(name(attribute), attribute)
                .putExpressionValue(value(attribute), value)
                .build();
    }

    /** The name placeholder every action and condition here uses for the attribute. */
    public static String name(String attribute) {
        return "#" + attribute;
    }

    /** The value placeholder the actions here use for the attribute. */
    public static String value(String attribute) {
        return ":" + attribute;
    }
}

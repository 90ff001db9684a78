package dev.serverlesspatterns.paymentwebhooks.ledger;

import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import java.util.UUID;

/**
 * A real database failure: a trigger on {@code account_ledger} that raises on the first insert of one entry and lets
 * every later one through. It counts attempts with a sequence, since {@code nextval} is not rolled back with the
 * failed insert. Closing drops trigger, function and sequence.
 */
final class FailingOnce implements AutoCloseable {

    private final PaymentsDatabase database;
    private final String name;

    FailingOnce(PaymentsDatabase database, String entryId) {
        this.database = database;
        this.name = "fail_once_" + UUID.randomUUID().toString().replace("-", "");
        String schema = PaymentsDatabase.SCHEMA;
        database.jdbc().sql("CREATE SEQUENCE " + schema + "." + name).update();
        database.jdbc().sql("""
                        CREATE FUNCTION %1$s.%2$s() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.entry_id = '%3$s' THEN
                                IF nextval('%1$s.%2$s') = 1 THEN
                                    RAISE EXCEPTION 'test: entry %3$s fails once';
                                END IF;
                            END IF;
                            RETURN NEW;
                        END $$""".formatted(schema, name, entryId)).update();
        database.jdbc()
                .sql(
                        "CREATE TRIGGER %2$s BEFORE INSERT ON %1$s.account_ledger FOR EACH ROW EXECUTE FUNCTION %1$s.%2$s()"
                                .formatted(schema, name))
                .update();
    }

    /** How often the entry was inserted or tried. */
    long attempts() {
        return database.jdbc()
                .sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + PaymentsDatabase.SCHEMA + "."
                        + name)
                .query(Long.class)
                .single();
    }

    @Override
    public void close() {
        String schema = PaymentsDatabase.SCHEMA;
        database.jdbc()
                .sql("DROP TRIGGER %2$s ON %1$s.account_ledger".formatted(schema, name))
                .update();
        database.jdbc().sql("DROP FUNCTION %1$s.%2$s()".formatted(schema, name)).update();
        database.jdbc().sql("DROP SEQUENCE %1$s.%2$s".formatted(schema, name)).update();
    }
}

package dev.serverlesspatterns.benchmarks.crac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** Through org.crac itself, as a function registers its resources and a primed benchmark run calls them. */
class CracStandInTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void aCheckpointCallsTheResourcesInReverseOrderAndTheRestoreInOrder() throws Exception {
        // given two resources registered with org.crac's global context (held here: org.crac keeps them weakly)
        Resource first = new Recording("first", false);
        Resource second = new Recording("second", false);
        Core.getGlobalContext().register(first);
        Core.getGlobalContext().register(second);

        // when a checkpoint and a restore run
        Core.checkpointRestore();

        // then each resource was called, as a CRaC JDK calls them
        assertThat(calls).containsSubsequence("second:before", "first:before", "first:after", "second:after");
    }

    @Test
    void aResourceThatRefusesTheCheckpointFailsIt() {
        // given a resource that refuses the checkpoint once (the global context outlives this test)
        Resource refusing = new Recording("refusing", true);
        Core.getGlobalContext().register(refusing);

        // when a checkpoint runs
        // then it fails, so a primed run reports the refusal instead of measuring an unprimed invoke
        assertThatExceptionOfType(org.crac.CheckpointException.class).isThrownBy(Core::checkpointRestore);
        assertThat(calls).contains("refusing:before");
    }

    private final class Recording implements Resource {

        private final String name;
        private boolean refuses;

        Recording(String name, boolean refuses) {
            this.name = name;
            this.refuses = refuses;
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            calls.add(name + ":before");
            if (refuses) {
                refuses = false;
                throw new IllegalStateException(name + " refuses");
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            calls.add(name + ":after");
        }
    }
}

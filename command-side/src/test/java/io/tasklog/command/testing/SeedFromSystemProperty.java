package io.tasklog.command.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Reruns properties with the seed a failed run reported: {@code -Djqwik.seed=<seed>} (jqwik itself only takes a
 * seed from {@code @Property(seed = ...)}, which would mean editing the test). Every property of the run uses
 * that seed, so name the failing one too: {@code mvn test -pl command-side -Dtest='RecurrencePropertiesTest'
 * -Djqwik.seed=...}. Registered for all properties of the module in
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public class SeedFromSystemProperty implements AroundPropertyHook {

    static final String SEED = "jqwik.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(SEED, "").strip();
        if (!seed.isEmpty()) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}

package io.tasklog.projections.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.Decisions;

/**
 * Parks every failed event (a projection has no event it may skip) and counts the attempts in the letter's
 * diagnostics, so an operator sees how often a retry failed ({@code attempts} in the admin API).
 */
public class CountingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    public static final String ATTEMPTS = "attempts";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        long next = attempts instanceof Number n ? n.longValue() + 1 : 1;
        return Decisions.requeue(cause, l -> l.diagnostics().and(ATTEMPTS, next));
    }
}

package io.tasklog.command.recurrence;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** How the recurrence saga's processor treats failures. */
@Configuration(proxyBeanMethods = false)
public class RecurrenceConfiguration {

    /**
     * Axon's name for the saga's processor (and its token). It must never change: a new name would start
     * a new token from the beginning of the store and re-run every series.
     */
    public static final String PROCESSING_GROUP = "RecurrenceSagaProcessor";

    /**
     * Axon logs and skips a failing saga handler by default, which silently ends a series when the next
     * occurrence cannot be created. Propagating makes the processor retry the event (with back-off) instead.
     */
    @Autowired
    void retryFailedEvents(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}

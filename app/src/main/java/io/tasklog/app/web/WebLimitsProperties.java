package io.tasklog.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tasklog.web.*}: how large a request body may be. No request of the API comes near the default
 * (a task with a full description is ~40 KiB); the cap keeps a client from making the server parse megabytes.
 */
@ConfigurationProperties("tasklog.web")
public record WebLimitsProperties(@DefaultValue("256KB") DataSize maxRequestBody) {
}

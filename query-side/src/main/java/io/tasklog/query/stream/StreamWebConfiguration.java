package io.tasklog.query.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Streams write their events on a bounded pool of their own rather than Spring MVC's fallback of a
 * new thread per write.
 */
@Configuration(proxyBeanMethods = false)
public class StreamWebConfiguration implements WebMvcConfigurer {

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("stream-write-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(32);
        executor.setQueueCapacity(10_000);
        executor.setDaemon(true);
        executor.initialize();
        configurer.setTaskExecutor(executor);
    }
}

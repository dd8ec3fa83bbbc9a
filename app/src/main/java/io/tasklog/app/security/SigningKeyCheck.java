package io.tasklog.app.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Binds {@link JwtProperties} (whose constructor checks the key) before any bean is created, so an instance
 * without a usable key stops at once with Boot's "Failed to bind properties under 'tasklog.security'" report,
 * not after it has migrated the database and joined the Kafka consumer groups.
 */
@Component
class SigningKeyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder.get(environment).bindOrCreate("tasklog.security", JwtProperties.class);
    }
}

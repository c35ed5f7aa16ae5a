package nl.loket.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Boot's listener container dispatches each pub/sub message on a new thread of its own, which
 * costs a thread per message and loses their order (streamed answer pieces would arrive
 * scrambled). One dispatch thread keeps Redis' order; listeners hand slow work to their own lanes.
 */
@Configuration(proxyBeanMethods = false)
class RedisListenerDispatch {

    @Bean
    static BeanPostProcessor orderedRedisDispatch() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RedisMessageListenerContainer container) {
                    var dispatch = new ThreadPoolTaskExecutor();
                    dispatch.setCorePoolSize(1);
                    dispatch.setMaxPoolSize(1);
                    dispatch.setDaemon(true);
                    dispatch.setThreadNamePrefix("redis-dispatch-");
                    dispatch.initialize();
                    container.setTaskExecutor(dispatch);
                }
                return bean;
            }
        };
    }
}

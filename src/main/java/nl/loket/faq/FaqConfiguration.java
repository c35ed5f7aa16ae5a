package nl.loket.faq;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

@Configuration(proxyBeanMethods = false)
class FaqConfiguration {

    @Bean
    FaqLibrary faqLibrary(FaqProperties properties, TaskScheduler scheduler) {
        return new FaqLibrary(properties, scheduler);
    }

    @Bean
    Faq faq(FaqLibrary library, Clock clock) {
        return new Faq(library::current, clock);
    }
}

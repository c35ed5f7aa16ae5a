package nl.loket.faq;

import java.time.Clock;
import nl.loket.content.ContentWatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FaqConfiguration {

    @Bean
    FaqLibrary faqLibrary(FaqProperties properties, ContentWatcher watcher) {
        return new FaqLibrary(properties, watcher);
    }

    @Bean
    Faq faq(FaqLibrary library, Clock clock) {
        return new Faq(library::current, clock);
    }
}

package nl.loket.gateway;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The EU AI Act disclosure: the customer talks to an automated assistant and can always reach a person. */
@Component
class Disclosure {

    private final MessageSource texts;

    Disclosure(MessageSource texts) {
        this.texts = texts;
    }

    String in(String lang) {
        return texts.getMessage("disclosure", null, Locale.forLanguageTag(lang));
    }
}

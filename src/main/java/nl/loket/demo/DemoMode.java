package nl.loket.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * @param enabled on only for local runs ({@code ./mvnw spring-boot:run} turns it on through the
 *     {@code demo} profile); never in a deployment that customers can reach
 */
@ConfigurationProperties("loket.demo")
public record DemoMode(@DefaultValue("false") boolean enabled) {

    private static final Log log = LogFactory.getLog(DemoMode.class);

    /** For code that runs before the application context exists (environment post-processors). */
    public static DemoMode of(Environment environment) {
        return Binder.get(environment).bindOrCreate("loket.demo", DemoMode.class);
    }

    /**
     * Something that is only acceptable in demo mode was found: in demo mode it is logged loudly,
     * outside demo mode Loket refuses to start.
     *
     * @param what what was found, e.g. "console agent 'anna' has the demo password"
     * @param fix how to configure it for real, in one sentence
     */
    public void demoOnly(String what, String fix) {
        demoOnly(what, fix, log);
    }

    /** The same, for code that runs before logging is set up and logs through a {@code DeferredLog}. */
    public void demoOnly(String what, String fix, Log to) {
        if (!enabled) {
            throw new NotForProduction(what, fix);
        }
        to.warn("DEMO MODE (loket.demo.enabled=true): " + what + ". Never expose this to customers; for real: " + fix);
    }
}

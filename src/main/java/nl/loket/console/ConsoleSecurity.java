package nl.loket.console;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The console and its socket need a signed-in agent; the actuator beyond a bare health status needs
 * the MONITORING role (HTTP basic, for a Prometheus scrape account). Everything customers and load
 * balancers use ({@code /}, the widget, {@code /ws/chat}, {@code /api/**}, {@code /actuator/health})
 * stays open, in its own chain; access and erasure requests ({@code /api/privacy/**}) need a supervisor.
 * Every sign-in goes through {@link SignInThrottle}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** No inline script or style: the console inserts every text with textContent. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final AuthenticationManager signIn;

    ConsoleSecurity(AgentDirectory agents, PasswordEncoder encoder, ConsoleProperties properties,
            Clock clock, MeterRegistry meters) {
        var passwords = new DaoAuthenticationProvider(agents);
        passwords.setPasswordEncoder(encoder);
        // one manager without a parent: a refused attempt must not be retried by a second provider
        this.signIn = new ProviderManager(new SignInThrottle(passwords, properties.signIn(), clock,
                meters));
    }

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole("MONITORING"))
                .authenticationManager(signIn)
                .httpBasic(b -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * Access and erasure requests ({@code bin/loket-privacy}): supervisors only, HTTP basic, no session,
     * so no cookie a forged request could ride on.
     */
    @Bean
    @Order(1)
    SecurityFilterChain privacyChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/privacy/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("SUPERVISOR"))
                .authenticationManager(signIn)
                .httpBasic(b -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/console/login.html?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/console/login.html?locked"));
        http.securityMatcher("/console", "/console/**", "/ws/agent")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login.html", "/console/login.js", "/console/console.css",
                                "/console/csrf")
                        .permitAll()
                        // every signed-in account: who it is, and the texts its pages speak
                        .requestMatchers("/console/me", "/console/texts.js").authenticated()
                        // the insights page: content editors and supervisors, not agents (no scores of their own chats)
                        .requestMatchers("/console/insights.html", "/console/insights.js", "/console/insights.css",
                                "/console/insights-texts.js", "/console/api/insights", "/console/api/insights.csv")
                        .hasAnyRole("EDITOR", "SUPERVISOR")
                        .anyRequest().hasAnyRole("AGENT", "SUPERVISOR"))
                .authenticationManager(signIn)
                .formLogin(f -> f.loginPage("/console/login.html").loginProcessingUrl("/console/login")
                        .successHandler((request, response, auth) -> response.sendRedirect(request.getContextPath()
                                + (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AGENT")
                                        || a.getAuthority().equals("ROLE_SUPERVISOR"))
                                        ? "/console/" : "/console/insights.html")))
                        .failureHandler(failure))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login.html?signedOut"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/ws/agent")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        // Nothing outside the console signs in, so there is no session a forged request could ride on.
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.disable()));
        return http.build();
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

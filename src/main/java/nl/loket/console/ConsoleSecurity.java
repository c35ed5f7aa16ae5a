package nl.loket.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Only the console and its socket need a signed-in agent. Everything customers, load balancers and
 * scrapers use ({@code /}, the widget, {@code /ws/chat}, {@code /api/**}, {@code /actuator/health}
 * and {@code /actuator/prometheus}) stays open, in its own chain.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** No inline script or style: the console inserts every text with textContent. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", "/ws/agent")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login.html", "/console/login.js", "/console/console.css",
                                "/console/csrf")
                        .permitAll()
                        .anyRequest().hasAnyRole("AGENT", "SUPERVISOR"))
                .formLogin(f -> f.loginPage("/console/login.html").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console/", true).failureUrl("/console/login.html?error"))
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
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

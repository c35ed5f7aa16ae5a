package nl.loket.console;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console page itself, the CSRF token the static sign-in page needs for its form, and who is signed
 * in: the language the console's pages speak to them, and which pages they may open.
 */
@Controller
class ConsolePages {

    /** The signed-in account as the console's pages need it; {@code lang} is its configured language. */
    record Me(String agent, String lang, boolean console, boolean insights) {
    }

    private final AgentDirectory agents;

    ConsolePages(AgentDirectory agents) {
        this.agents = agents;
    }

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }

    @GetMapping("/console/me")
    @ResponseBody
    Me me(Authentication signedIn) {
        Set<String> roles = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        String lang = agents.find(signedIn.getName()).map(Agent::lang).orElse("nl");
        return new Me(signedIn.getName(), lang, roles.contains("ROLE_AGENT") || roles.contains("ROLE_SUPERVISOR"),
                roles.contains("ROLE_EDITOR") || roles.contains("ROLE_SUPERVISOR"));
    }

    @GetMapping("/console/csrf")
    @ResponseBody
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(),
                "token", token.getToken());
    }
}

package nl.loket.console;

import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The console page itself, and the CSRF token the static sign-in page needs for its form. */
@Controller
class ConsolePages {

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }

    @GetMapping("/console/csrf")
    @ResponseBody
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(),
                "token", token.getToken());
    }
}

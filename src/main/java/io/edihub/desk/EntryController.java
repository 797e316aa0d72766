package io.edihub.desk;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the login page, and after it the desk for an operator or the portal for a partner's user. */
@Controller
class EntryController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String start(Authentication who) {
        boolean operator = who.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()));
        return operator ? "redirect:/desk" : "redirect:/portal";
    }
}

package io.edihub.desk;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header names who is logged in. */
@ControllerAdvice(assignableTypes = {DeskController.class, PortalController.class})
class PageUser {

    @ModelAttribute("user")
    String user(Principal who) {
        return who == null ? "" : who.getName();
    }
}

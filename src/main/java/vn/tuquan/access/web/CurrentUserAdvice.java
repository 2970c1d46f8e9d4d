package vn.tuquan.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.tuquan.access.TuquanUser;

/** Puts the signed-in person's display name in every page's model for the layout. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUserName")
    String currentUserName(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof TuquanUser user) {
            return user.displayName();
        }
        return null;
    }
}

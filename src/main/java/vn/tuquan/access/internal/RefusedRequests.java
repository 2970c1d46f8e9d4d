package vn.tuquan.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tuquan.access.AccessRefused;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;

/**
 * Publishes {@link AccessRefused} for every request answered 403 to a signed-in person (a session or
 * a token), whatever refused it: a handler's access rule or a scope ({@code AccessRefusedException},
 * noted by {@link #resolver()}), Spring Security (a missing CSRF token, noted by
 * {@link #noting}), the required second factor. It sits in both security filter chains right after
 * the security context is loaded, so it sees every answer of the request and who asked. Refusals of
 * nobody signed in are not published: the log could not say who, and it keeps no address.
 */
class RefusedRequests extends OncePerRequestFilter {

    /** Request attribute: what refused the request (a permission, a unit outside the scope …). */
    static final String REASON = RefusedRequests.class.getName() + ".reason";
    /** Request attribute: who was refused, when the security context no longer says (a token's request). */
    static final String WHO = RefusedRequests.class.getName() + ".who";

    private final ApplicationEventPublisher events;

    RefusedRequests(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Notes why the request is being refused, and by whom when the context will not say. */
    static void note(HttpServletRequest request, String username, String reason) {
        if (username != null) {
            request.setAttribute(WHO, username);
        }
        if (reason != null && request.getAttribute(REASON) == null) {
            request.setAttribute(REASON, reason);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
                String who = who(request);
                if (who != null) {
                    Object reason = request.getAttribute(REASON);
                    events.publishEvent(new AccessRefused(
                            who,
                            request.getMethod(),
                            request.getRequestURI()
                                    .substring(request.getContextPath().length()),
                            reason == null ? null : reason.toString()));
                }
            }
        }
    }

    private static String who(HttpServletRequest request) {
        if (request.getAttribute(WHO) instanceof String username) {
            return username;
        }
        if (request.getAttribute(CurrentCaller.ATTRIBUTE) instanceof Caller caller) {
            return caller.username();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                        && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken)
                ? authentication.getName()
                : null;
    }
}

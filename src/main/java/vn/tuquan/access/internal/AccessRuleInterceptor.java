package vn.tuquan.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.tuquan.access.Callers;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.PublicEndpoint;
import vn.tuquan.shared.Requires;

/**
 * Checks every Tuquan endpoint's access rule before it runs, and puts the {@link Caller} on the
 * request for the queries it makes. Deny by default: a handler without {@link Requires} or
 * {@link PublicEndpoint} is refused.
 */
class AccessRuleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRuleInterceptor.class);

    private final Callers callers;

    AccessRuleInterceptor(Callers callers) {
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("vn.tuquan.")) {
            return true; // static resources, springdoc, actuator: guarded by the security filter chains
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        Caller caller = signedIn ? callers.forUsername(authentication.getName()).orElse(null) : null;
        if (caller != null) {
            request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
        }
        if (rule(method, PublicEndpoint.class) != null) {
            return true;
        }
        Requires requires = rule(method, Requires.class);
        if (requires == null) {
            log.error(
                    "Refused {}: the endpoint {} has no access rule (@Requires or @PublicEndpoint)",
                    request.getRequestURI(),
                    method);
            throw new AccessRefusedException("no access rule on " + method);
        }
        if (caller == null) {
            throw new AccessRefusedException("not signed in");
        }
        for (Permission permission : requires.value()) {
            caller.require(permission);
        }
        return true;
    }

    static <A extends Annotation> A rule(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}

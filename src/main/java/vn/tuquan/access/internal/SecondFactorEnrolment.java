package vn.tuquan.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.tuquan.access.TuquanUser;

/**
 * A person who must use a second factor and has not enrolled one yet can reach only the
 * enrolment page (and sign out) until they do: every other page sends them there, and the API
 * answers 403.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorEnrolment implements WebMvcConfigurer {

    private final SecondFactor secondFactor;

    SecondFactorEnrolment(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws Exception {
                        Authentication authentication =
                                SecurityContextHolder.getContext().getAuthentication();
                        if (authentication == null
                                || !(authentication.getPrincipal() instanceof TuquanUser user)
                                || !user.secondFactorRequired()
                                || user.secondFactorEnrolled()) {
                            return true;
                        }
                        if (secondFactor.enrolled(user.getUsername())) {
                            return true;
                        }
                        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                            RefusedRequests.note(
                                    request, user.getUsername(), "second factor required and not enrolled");
                            response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        } else {
                            response.sendRedirect(request.getContextPath() + "/account/totp?required");
                        }
                        return false;
                    }
                })
                .excludePathPatterns(
                        "/account/totp",
                        "/account/totp/**",
                        "/login",
                        "/login/**",
                        "/logout",
                        "/error",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico");
    }
}

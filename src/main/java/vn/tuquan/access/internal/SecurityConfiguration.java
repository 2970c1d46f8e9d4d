package vn.tuquan.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import vn.tuquan.access.AccountChanged;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.access.SignInFlow;
import vn.tuquan.shared.ProblemResponses;

/**
 * Form login for people (password, then the TOTP code for those who enrolled one; lock-out and
 * rate limiting in {@link SignInFlow}); for {@code /api/**} the session or a personal access token
 * ({@code Authorization: Bearer tq_…}), answering 401/403 as {@code application/problem+json}
 * instead of redirecting. CSRF on every cookie-authenticated request; bearer requests carry no
 * cookie and need none. HSTS is sent on every request that came over TLS (Spring Security's
 * default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            MessageSource messages,
            LocaleResolver locales,
            PersonalAccessTokens tokens,
            UserDetailsService users,
            ApplicationEventPublisher events)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterAfter(new RefusedRequests(events), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(
                        new BearerTokenFilter(tokens, users, problems, messages, locales),
                        UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> problems.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                message(messages, "problem.unauthorized.title", locales.resolveLocale(request)),
                                message(messages, "problem.unauthorized.detail", locales.resolveLocale(request))))
                        .accessDeniedHandler(noting((request, response, e) -> problems.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                message(messages, "problem.forbidden.title", locales.resolveLocale(request)),
                                message(messages, "problem.forbidden.detail", locales.resolveLocale(request))))))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SignInFlow signIn, ApplicationEventPublisher events)
            throws Exception {
        SecurityContextRepository contexts = signIn.contexts();
        http.requestCache(cache -> cache.requestCache(SignInFlow.requestCache()))
                .addFilterAfter(new RefusedRequests(events), SecurityContextHolderFilter.class)
                .exceptionHandling(ex -> ex.accessDeniedHandler(noting(new AccessDeniedHandlerImpl())))
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterBefore(signIn.rateLimit(), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/login/code",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/livez",
                                "/readyz")
                        .permitAll()
                        // served on the management port only, bound to 127.0.0.1 (application.properties);
                        // should it be bound wider, still only to the machine itself
                        .requestMatchers("/actuator/**")
                        .access(fromTheMachineItself())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signIn.passwordAccepted(contexts))
                        .failureHandler(signIn.passwordRefused())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
                                events.publishEvent(
                                        new AccountChanged(authentication.getName(), AccountChanged.Change.SIGNED_OUT));
                            }
                        })
                        .deleteCookies("TUQUAN_SESSION"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Health, metrics and info: for the machine itself (Prometheus, the service manager), whoever is signed in or not. */
    private static AuthorizationManager<RequestAuthorizationContext> fromTheMachineItself() {
        return (authentication, context) -> new AuthorizationDecision(isLoopback(context.getRequest()));
    }

    private static boolean isLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Notes for {@link RefusedRequests} that Spring Security refused the request, and why (a CSRF token …). */
    private static AccessDeniedHandler noting(AccessDeniedHandler handler) {
        return (request, response, e) -> {
            RefusedRequests.note(request, null, e.getClass().getSimpleName());
            handler.handle(request, response, e);
        };
    }

    private static String message(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

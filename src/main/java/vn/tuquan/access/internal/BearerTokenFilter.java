package vn.tuquan.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.shared.ProblemResponses;

/**
 * {@code Authorization: Bearer tq_…} on {@code /api/**}: authenticates the request as the token's
 * person, with the same authorities as their session would have, for this request only (nothing is
 * stored in a session). A bad, revoked or expired token is answered 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final PersonalAccessTokens tokens;
    private final UserDetailsService users;
    private final ProblemResponses problems;
    private final MessageSource messages;
    private final LocaleResolver locales;

    BearerTokenFilter(
            PersonalAccessTokens tokens,
            UserDetailsService users,
            ProblemResponses problems,
            MessageSource messages,
            LocaleResolver locales) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(7).strip();
        UserDetails user = tokens.principal(token, users).orElse(null);
        if (user == null || !user.isEnabled()) {
            Locale locale = locales.resolveLocale(request);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    messages.getMessage("problem.token.title", null, locale),
                    messages.getMessage("problem.token.detail", null, locale));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

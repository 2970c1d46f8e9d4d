package vn.tuquan.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tuquan.access.internal.SecondFactor;
import vn.tuquan.access.internal.SignInLockout;
import vn.tuquan.access.internal.SignInRateLimiter;
import vn.tuquan.shared.Dates;

/**
 * The steps of signing in: the password (form login), then the TOTP code for those who enrolled
 * one, with lock-out and rate limiting on both. Session attributes: {@link #PENDING} between the
 * two steps, {@link #LOCKED_UNTIL} for the login page's lock notice. In the base package, not
 * {@code internal/}: sessions stored in PostgreSQL hold its {@code PendingSignIn} by its class name.
 */
@Component
public class SignInFlow {

    public static final String PENDING = "tuquan.signIn.pending";
    public static final String LOCKED_UNTIL = "tuquan.signIn.lockedUntil";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final SignInLockout lockout;
    private final SignInRateLimiter limiter;
    private final UserDetailsService users;
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest;
    /** Where the signed-in person is kept between requests: the session (in PostgreSQL). */
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SignInFlow(SignInLockout lockout, SignInRateLimiter limiter, UserDetailsService users) {
        this.lockout = lockout;
        this.limiter = limiter;
        this.users = users;
        this.savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        this.savedRequest.setRequestCache(requestCache());
        this.savedRequest.setDefaultTargetUrl("/");
    }

    public SecurityContextRepository contexts() {
        return contexts;
    }

    public static HttpSessionRequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null); // no "?continue" on the page after sign-in
        return cache;
    }

    /** After the password: either signed in, or on to the code page with nothing authenticated yet. */
    public AuthenticationSuccessHandler passwordAccepted(SecurityContextRepository contexts) {
        return (request, response, authentication) -> {
            TuquanUser user = (TuquanUser) authentication.getPrincipal();
            if (user.secondFactorEnrolled()) {
                SecurityContextHolder.clearContext();
                contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
                request.getSession().setAttribute(PENDING, new PendingSignIn(user.getUsername(), Dates.now()));
                response.sendRedirect(request.getContextPath() + "/login/code");
                return;
            }
            lockout.recordSuccess(user.getUsername());
            savedRequest.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** A refused password: counted towards the lock-out; the same message for unknown users and wrong passwords. */
    public AuthenticationFailureHandler passwordRefused() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            Optional<Instant> lockedUntil = failed(request, username, exception);
            redirectAfterFailure(request, response, lockedUntil, "/login?error");
        };
    }

    private Optional<Instant> failed(HttpServletRequest request, String username, AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return lockout.lockedUntil(username);
        }
        Optional<Instant> already = lockout.lockedUntil(username);
        if (already.isPresent()) {
            return already;
        }
        limiter.failed(username, request.getRemoteAddr());
        return lockout.recordFailure(username);
    }

    /** The code step: true when signed in, false when the code was wrong; throws nothing. */
    public CodeResult checkCode(
            HttpServletRequest request, HttpServletResponse response, SecondFactor secondFactor, String code)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (pending == null || pending.since().plus(PENDING_FOR).isBefore(Dates.now())) {
            return CodeResult.EXPIRED;
        }
        String username = pending.username();
        if (!limiter.allows(username, request.getRemoteAddr())) {
            return CodeResult.THROTTLED;
        }
        Optional<Instant> locked = lockout.lockedUntil(username);
        if (locked.isPresent()) {
            session.removeAttribute(PENDING);
            session.setAttribute(LOCKED_UNTIL, locked.get());
            return CodeResult.LOCKED;
        }
        if (!secondFactor.verify(username, code)) {
            limiter.failed(username, request.getRemoteAddr());
            Optional<Instant> nowLocked = lockout.recordFailure(username);
            if (nowLocked.isPresent()) {
                session.removeAttribute(PENDING);
                session.setAttribute(LOCKED_UNTIL, nowLocked.get());
                return CodeResult.LOCKED;
            }
            return CodeResult.WRONG;
        }
        UserDetails user = users.loadUserByUsername(username);
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            session.removeAttribute(PENDING);
            return CodeResult.EXPIRED;
        }
        session.removeAttribute(PENDING);
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        lockout.recordSuccess(username);
        savedRequest.onAuthenticationSuccess(request, response, authentication);
        return CodeResult.SIGNED_IN;
    }

    void redirectAfterFailure(
            HttpServletRequest request, HttpServletResponse response, Optional<Instant> lockedUntil, String otherwise)
            throws IOException {
        if (lockedUntil.isPresent()) {
            request.getSession().setAttribute(LOCKED_UNTIL, lockedUntil.get());
            response.sendRedirect(request.getContextPath() + "/login?locked");
        } else {
            response.sendRedirect(request.getContextPath() + otherwise);
        }
    }

    /** Refuses password posts once the username's or the address's bucket is empty, or the name is locked. */
    public OncePerRequestFilter rateLimit() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && "/login"
                                .equals(request.getRequestURI()
                                        .substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String username = request.getParameter("username");
                if (!limiter.allows(username, request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                // a locked name (existing or not) is answered before any password is checked: the same
                // work, so the same time, whether the account exists or not
                Optional<Instant> locked = lockout.lockedUntil(username);
                if (locked.isPresent()) {
                    redirectAfterFailure(request, response, locked, "/login?error");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    public enum CodeResult {
        SIGNED_IN,
        WRONG,
        LOCKED,
        THROTTLED,
        EXPIRED
    }

    /** A person who gave the right password and still owes the code. */
    record PendingSignIn(String username, Instant since) implements Serializable {}
}

package vn.tuquan.access.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.access.SignInFlow;
import vn.tuquan.access.internal.SecondFactor;
import vn.tuquan.shared.PublicEndpoint;

/** The login page (with the lock-out notice) and the second step, the TOTP code. */
@Controller
@PublicEndpoint
class LoginController {

    private final SignInFlow signIn;
    private final SecondFactor secondFactor;

    LoginController(SignInFlow signIn, SecondFactor secondFactor) {
        this.signIn = signIn;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null
                && request.getParameter("locked") != null
                && session.getAttribute(SignInFlow.LOCKED_UNTIL) instanceof Instant until) {
            model.addAttribute("lockedUntil", until.atOffset(ZoneOffset.UTC));
        }
        return "access/login";
    }

    @GetMapping("/login/code")
    String codePage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(SignInFlow.PENDING) == null) {
            return "redirect:/login";
        }
        return "access/enterCode";
    }

    @PostMapping("/login/code")
    String code(
            @RequestParam(name = "code", required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        return switch (signIn.checkCode(request, response, secondFactor, code)) {
            case SIGNED_IN -> null;
            case WRONG -> "redirect:/login/code?error";
            case THROTTLED -> "redirect:/login/code?throttled";
            case LOCKED -> "redirect:/login?locked";
            case EXPIRED -> "redirect:/login?expired";
        };
    }
}

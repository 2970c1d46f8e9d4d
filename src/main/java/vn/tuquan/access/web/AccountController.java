package vn.tuquan.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.access.AccountChanged;
import vn.tuquan.access.AccountLockedException;
import vn.tuquan.access.PasswordRefusedException;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.access.internal.UserSessions;
import vn.tuquan.shared.Requires;

/** "My account": who I am, my sessions (sign out everywhere), my password, my second factor. */
@Controller
@Requires
class AccountController {

    private final UserAccounts accounts;
    private final UserSessions sessions;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    AccountController(
            UserAccounts accounts, UserSessions sessions, MessageSource messages, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        var account = accounts.findByUsername(principal.getName()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("sessionCount", sessions.count(principal.getName()));
        return "access/showAccount";
    }

    /** Ends every session of this person on every node, this one included. Audited. */
    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(Principal principal, HttpServletRequest request, HttpServletResponse response) {
        String username = principal.getName();
        HttpSession current = request.getSession(false);
        int ended = sessions.endAll(username, current == null ? null : current.getId());
        events.publishEvent(new AccountChanged(
                username, AccountChanged.Change.SIGNED_OUT_EVERYWHERE, Map.of("otherSessionsEnded", ended)));
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?signedOutEverywhere";
    }

    @GetMapping("/account/password")
    String passwordPage(Principal principal, Model model) {
        accounts.lockedUntil(principal.getName())
                .ifPresent(until -> model.addAttribute("lockedUntil", until.atOffset(ZoneOffset.UTC)));
        return "access/changePassword";
    }

    @PostMapping("/account/password")
    String changePassword(
            Principal principal,
            @RequestParam("currentPassword") String currentPassword,
            @RequestParam("newPassword") String newPassword,
            @RequestParam("confirmPassword") String confirmPassword,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("problem", "password.error.mismatch");
            return "access/changePassword";
        }
        try {
            accounts.changePassword(principal.getName(), currentPassword, newPassword);
        } catch (AccountLockedException locked) {
            model.addAttribute("lockedUntil", locked.until().atOffset(ZoneOffset.UTC));
            return "access/changePassword";
        } catch (PasswordRefusedException refused) {
            model.addAttribute("problem", refused.messageKey());
            return "access/changePassword";
        }
        HttpSession current = request.getSession(false);
        int ended = sessions.endAll(principal.getName(), current == null ? null : current.getId());
        redirect.addFlashAttribute("flash", messages.getMessage("password.changed", new Object[] {ended}, locale));
        return "redirect:/account";
    }
}

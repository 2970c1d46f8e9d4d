package vn.tuquan.access.web;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.access.SignInRecorded;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.access.internal.QrCodes;
import vn.tuquan.access.internal.SecondFactor;
import vn.tuquan.access.internal.SignInLockout;
import vn.tuquan.access.internal.Totp;
import vn.tuquan.shared.Requires;

/**
 * Enrolling the TOTP second factor: a new secret, shown as text and as a QR code of its
 * {@code otpauth://} URI, kept in the session until a first code from the person's app confirms it.
 */
@Controller
@Requires
class TotpController {

    static final String ISSUER = "Tuquan";
    private static final String ENROLLING = "tuquan.totp.enrolling";

    private final SecondFactor secondFactor;
    private final UserAccounts accounts;
    private final MessageSource messages;
    private final SignInLockout lockout;

    TotpController(SecondFactor secondFactor, UserAccounts accounts, MessageSource messages, SignInLockout lockout) {
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.messages = messages;
        this.lockout = lockout;
    }

    @GetMapping("/account/totp")
    String page(Principal principal, HttpSession session, Model model) {
        String username = principal.getName();
        boolean enrolled = secondFactor.enrolled(username);
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", accounts.requiresSecondFactor(username));
        lockout.lockedUntil(username)
                .ifPresent(until -> model.addAttribute("lockedUntil", until.atOffset(ZoneOffset.UTC)));
        if (!enrolled) {
            String secret = session.getAttribute(ENROLLING) instanceof String s ? s : Totp.newSecret();
            session.setAttribute(ENROLLING, secret);
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("qrCode", QrCodes.svgDataUri(Totp.otpauthUri(ISSUER, username, secret)));
        }
        return "access/enrolTotp";
    }

    @PostMapping("/account/totp")
    String enrol(
            Principal principal,
            HttpSession session,
            @RequestParam(name = "code", required = false) String code,
            RedirectAttributes redirect,
            Locale locale) {
        if (!(session.getAttribute(ENROLLING) instanceof String secret)) {
            return "redirect:/account/totp";
        }
        if (!secondFactor.enrol(principal.getName(), secret, code)) {
            return "redirect:/account/totp?error";
        }
        session.removeAttribute(ENROLLING);
        redirect.addFlashAttribute("flash", messages.getMessage("totp.enrolled", null, locale));
        return "redirect:/account";
    }

    /**
     * Turns the second factor off (not allowed when it is required); a current code is needed. A wrong
     * code counts towards the lock-out as at sign-in, and is audited; while the account is locked no
     * code is checked.
     */
    @PostMapping("/account/totp/disable")
    String disable(
            Principal principal,
            @RequestParam(name = "code", required = false) String code,
            RedirectAttributes redirect,
            Locale locale) {
        String username = principal.getName();
        if (accounts.requiresSecondFactor(username)) {
            return "redirect:/account/totp?error";
        }
        if (lockout.lockedUntil(username).isPresent()) {
            return "redirect:/account/totp?locked";
        }
        if (!secondFactor.verify(username, code)) {
            boolean locked = lockout.recordFailure(username, SignInRecorded.Check.SECOND_FACTOR_REMOVAL)
                    .isPresent();
            return locked ? "redirect:/account/totp?locked" : "redirect:/account/totp?error";
        }
        lockout.recordCorrect(username);
        accounts.resetTotp(username);
        redirect.addFlashAttribute("flash", messages.getMessage("totp.disabled", null, locale));
        return "redirect:/account";
    }
}

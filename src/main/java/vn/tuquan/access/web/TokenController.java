package vn.tuquan.access.web;

import java.security.Principal;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Requires;

/** The person's own personal access tokens: make one (shown once), list them, revoke one. */
@Controller
@Requires
class TokenController {

    private final PersonalAccessTokens tokens;
    private final UserAccounts accounts;

    TokenController(PersonalAccessTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /**
     * The page says so when the person's tokens are refused until they enrol a second factor: a
     * person who signed in before the rule came to apply to them (a role given since, or {@code
     * --require-totp}) reaches this page, while the API refuses their tokens (403).
     */
    @GetMapping("/account/tokens")
    String list(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("secondFactorNeeded", accounts.secondFactorMissing(principal.getName()));
        model.addAttribute("maxDays", PersonalAccessTokens.MAX_DAYS);
        return "access/listTokens";
    }

    @PostMapping("/account/tokens")
    String create(
            Principal principal,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "days", defaultValue = "90") int days,
            Model model) {
        if (name.isBlank() || name.strip().length() > 100 || days < 1 || days > PersonalAccessTokens.MAX_DAYS) {
            model.addAttribute("problem", "tokens.error.invalid");
            return list(principal, model);
        }
        var created = tokens.create(principal.getName(), name, days);
        model.addAttribute("createdToken", created.token());
        model.addAttribute("createdExpires", created.expiresAt().atOffset(ZoneOffset.UTC));
        return list(principal, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Principal principal, @PathVariable("id") long id, RedirectAttributes redirect) {
        if (!tokens.revoke(principal.getName(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // not one of the person's active tokens
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/tokens";
    }
}

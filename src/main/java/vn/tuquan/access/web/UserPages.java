package vn.tuquan.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.access.internal.PasswordPolicy;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The "Users" area: the people inside one's scope, and a new account with a role and a scope no
 * larger than one's own.
 */
@Controller
@Requires(Permission.USERS_MANAGE)
class UserPages {

    static final int MIN_PASSWORD = 12;

    private final UserAccounts accounts;
    private final Units units;
    private final MessageSource messages;
    private final PasswordPolicy passwordPolicy;

    UserPages(UserAccounts accounts, Units units, MessageSource messages, PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
        this.passwordPolicy = passwordPolicy;
    }

    @GetMapping("/access")
    String list(Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute(
                "people",
                accounts.visibleTo(caller).stream()
                        .map(p -> new PersonRow(
                                p.account().username(),
                                p.account().displayName(),
                                p.account().enabled(),
                                p.roles(),
                                scopeNames(p.view()),
                                scopeNames(p.capture())))
                        .toList());
        model.addAttribute("roles", accounts.grantableBy(caller));
        model.addAttribute("scopeUnits", scopeChoices(caller));
        return "access/listUsers";
    }

    @PostMapping("/access/users")
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam String role,
            @RequestParam long unitId,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Caller caller = CurrentCaller.get();
        Scope scope = Scope.of(Set.of(unitId));
        // the target first: a scope outside the manager's capture scope is refused before the form is looked at
        if (!units.within(scope, caller.capture(), Dates.today())) {
            throw new AccessRefusedException("cannot grant a scope on unit " + unitId);
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        String problem = null;
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            problem = "access.users.error.username";
        } else if (displayName.isBlank()) {
            problem = "access.users.error.displayName";
        } else if (TextLimits.tooLong(displayName, TextLimits.NAME)) {
            problem = "access.users.error.displayNameTooLong";
        } else if (password.length() < MIN_PASSWORD || password.length() > 128) {
            problem = "access.users.error.password";
        } else if (passwordPolicy.problem(name, password).isPresent()) {
            problem = passwordPolicy.problem(name, password).get(); // common, or contains the username
        } else if (accounts.findByUsername(name).isPresent()) {
            problem = "access.users.error.taken";
        }
        if (problem != null) {
            model.addAttribute("problem", messages.getMessage(problem, new Object[] {MIN_PASSWORD}, locale));
            return list(model);
        }
        // refuse before creating anything: the same checks as the grant itself
        if (accounts.grantableBy(caller).stream().noneMatch(r -> r.code().equals(role))) {
            throw new AccessRefusedException("cannot grant role " + role + " on unit " + unitId);
        }
        var id = accounts.createIfAbsent(name, displayName.strip(), password).orElseThrow();
        accounts.assign(caller, id, Set.of(role), scope, scope);
        redirect.addFlashAttribute("created", messages.getMessage("access.users.created", new Object[] {name}, locale));
        return "redirect:/access";
    }

    private List<String> scopeNames(Scope scope) {
        if (scope.wholeCountry()) {
            return List.of("*");
        }
        return scope.unitIds().stream()
                .map(id -> units.latest(Scope.WHOLE_COUNTRY, id)
                        .map(UnitView::name)
                        .orElse("#" + id))
                .sorted(VietnameseText.NATURAL)
                .toList();
    }

    /** The units one may give as a scope: one's own roots and what lies under them, down to villages. */
    private List<UnitView> scopeChoices(Caller caller) {
        var today = Dates.today();
        List<UnitView> choices = new ArrayList<>();
        for (UnitView root : units.roots(caller.capture(), today)) {
            choices.add(root);
            Set<UnitKind> below = root.kind() == UnitKind.COMMUNE
                    ? Set.of(UnitKind.RESIDENTIAL_AREA)
                    : Set.of(UnitKind.DISTRICT, UnitKind.COMMUNE);
            choices.addAll(units.subtree(caller.capture(), root.id(), below, today, 5000, 0)
                    .units());
        }
        return choices;
    }

    record PersonRow(
            String username,
            String displayName,
            boolean enabled,
            List<String> roles,
            List<String> view,
            List<String> capture) {}
}

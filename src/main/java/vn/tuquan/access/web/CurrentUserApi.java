package vn.tuquan.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Requires;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "access", description = "Người dùng và đăng nhập / users and sign-in")
@Requires
class CurrentUserApi {

    private final UserAccounts accounts;

    CurrentUserApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The signed-in user")
    CurrentUser me(Principal principal) {
        var account = accounts.findByUsername(principal.getName()).orElseThrow();
        return new CurrentUser(account.username(), account.displayName());
    }

    record CurrentUser(String username, String displayName) {}
}

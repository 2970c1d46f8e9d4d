package vn.tuquan.access;

import vn.tuquan.shared.PublicEndpoint;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PublicEndpoint
class LoginController {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}

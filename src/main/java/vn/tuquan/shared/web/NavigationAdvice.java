package vn.tuquan.shared.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;

/** The navigation (the areas the signed-in person may open) and the current path, for the layout of every page. */
@ControllerAdvice
class NavigationAdvice {

    private final AreaRules rules;

    NavigationAdvice(AreaRules rules) {
        this.rules = rules;
    }

    @ModelAttribute("navigation")
    List<Area> navigation(HttpServletRequest request) {
        return request.getAttribute(CurrentCaller.ATTRIBUTE) instanceof Caller caller ? rules.open(caller) : List.of();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failedUri != null ? failedUri.toString() : request.getRequestURI();
    }
}

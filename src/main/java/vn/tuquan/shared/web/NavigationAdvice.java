package vn.tuquan.shared.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The navigation and the current path, for the layout of every page. */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("navigation")
    List<Area> navigation() {
        return List.of(Area.values());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failedUri != null ? failedUri.toString() : request.getRequestURI();
    }
}

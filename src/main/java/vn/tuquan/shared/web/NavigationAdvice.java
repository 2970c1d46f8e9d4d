package vn.tuquan.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;

/** The navigation (the areas the signed-in person may open), the current path and the language links, for the layout of every page. */
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

    /**
     * The "Tiếng Việt" and "English" links of the top bar: the current page with its query string (the
     * year, the unit, the filters chosen), only the language changed. An error page links its path alone.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        String path = currentPath(request);
        String query =
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null ? null : request.getQueryString();
        String kept = query == null
                ? ""
                : Arrays.stream(query.split("&"))
                        .filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
                        .collect(Collectors.joining("&"));
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : LocaleConfiguration.SUPPORTED.stream().sorted().toList()) {
            links.put(language, path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + language);
        }
        return links;
    }
}

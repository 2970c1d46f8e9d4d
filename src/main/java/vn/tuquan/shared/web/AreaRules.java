package vn.tuquan.shared.web;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.PublicEndpoint;
import vn.tuquan.shared.Requires;

/**
 * Which areas of the navigation a person may open: the access rule ({@link Requires}) of the page
 * each area's link leads to, read from the handler that serves it — so the home page and the menu
 * never offer a card the person would get 403 behind, and a new rule on a page is followed at once.
 */
@Component
class AreaRules {

    /** Looked up at first use: a command of {@code ./tuquan} opens the application without a web server, and without it. */
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    private volatile Map<Area, Optional<Permission[]>> rules;

    AreaRules(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The areas the caller may open, in the navigation's order; every area for a caller with every permission. */
    List<Area> open(Caller caller) {
        Map<Area, Optional<Permission[]>> known = rules();
        return Arrays.stream(Area.values())
                .filter(area -> known.get(area)
                        .map(permissions -> Arrays.stream(permissions).allMatch(caller::can))
                        .orElse(true))
                .toList();
    }

    /** The permissions of the GET handler of each area's path (empty: any signed-in person). */
    private Map<Area, Optional<Permission[]>> rules() {
        Map<Area, Optional<Permission[]>> found = rules;
        if (found == null) {
            found = new EnumMap<>(Area.class);
            for (Area area : Area.values()) {
                found.put(area, handler(area.path()).map(AreaRules::permissions));
            }
            rules = found;
        }
        return found;
    }

    private Optional<HandlerMethod> handler(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getObject().getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (pattern.matches(container)) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Permission[] permissions(HandlerMethod method) {
        if (find(method, PublicEndpoint.class) != null) {
            return new Permission[0];
        }
        Requires requires = find(method, Requires.class);
        return requires == null ? new Permission[0] : requires.value();
    }

    private static <A extends Annotation> A find(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}

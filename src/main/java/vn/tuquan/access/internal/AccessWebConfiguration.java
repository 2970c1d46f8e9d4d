package vn.tuquan.access.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.tuquan.access.Callers;
import vn.tuquan.shared.AccessRefusedException;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AccessWebConfiguration implements WebMvcConfigurer {

    private final Callers callers;

    AccessWebConfiguration(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessRuleInterceptor(callers));
    }

    /**
     * First of all the resolvers, answering nothing itself: notes what refused a request (the missing
     * permission, the unit outside the scope …) for {@link RefusedRequests}; the usual resolvers then
     * answer the 403 as before (a page, or a problem for the API).
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, (request, response, handler, exception) -> {
            if (exception instanceof AccessRefusedException
                    || exception instanceof ResponseStatusException s
                            && s.getStatusCode().value() == HttpStatus.FORBIDDEN.value()
                    || forbidden(exception)) {
                RefusedRequests.note(request, null, exception.getMessage());
            }
            return null;
        });
    }

    private static boolean forbidden(Exception exception) {
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(exception.getClass(), ResponseStatus.class);
        return status != null && status.code() == HttpStatus.FORBIDDEN;
    }
}

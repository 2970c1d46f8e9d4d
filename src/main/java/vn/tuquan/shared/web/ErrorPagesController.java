package vn.tuquan.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.tuquan.shared.ProblemResponses;
import vn.tuquan.shared.PublicEndpoint;

/**
 * Replaces Spring Boot's error handling: a friendly page in the person's language (saying why, when
 * a refusal says it: {@link RefusalPages}), and {@code application/problem+json} for the API and for
 * any client that does not ask for HTML.
 */
@Controller
@RequestMapping("/error")
@PublicEndpoint
class ErrorPagesController implements ErrorController {

    private final MessageSource messages;
    private final ProblemResponses problems;
    private final long maxFile;

    ErrorPagesController(
            MessageSource messages,
            ProblemResponses problems,
            @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFile) {
        this.messages = messages;
        this.problems = problems;
        this.maxFile = maxFile.toBytes();
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (isApi(request)) {
            problem(request, response);
            return null;
        }
        ModelAndView page = new ModelAndView("shared/error", status);
        page.addObject("status", status.value());
        page.addObject("errorTitleKey", messageKey(status, "title"));
        page.addObject("errorDetailKey", messageKey(status, "detail"));
        page.addObject("errorDetailArgs", detailArguments(request));
        page.addObject("errorMessage", request.getAttribute(RefusalPages.MESSAGE));
        return page;
    }

    @RequestMapping
    void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        Locale locale = LocaleContextHolder.getLocale();
        problems.write(
                originalRequest(request),
                response,
                status,
                messages.getMessage(messageKey(status, "title"), null, locale),
                messages.getMessage(messageKey(status, "detail"), detailArguments(request), locale));
    }

    /** What a detail names: for 413 (an upload over the server's limit), the limit per file. */
    private Object[] detailArguments(HttpServletRequest request) {
        return new Object[] {TooLarge.megabytes(maxFile)};
    }

    private static String messageKey(HttpStatus status, String part) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 413 -> "error." + status.value() + "." + part;
            default -> status.is4xxClientError() ? "error.400." + part : "error.500." + part;
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The problem's {@code instance} is the path that failed, not {@code /error}. */
    private static HttpServletRequest originalRequest(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri == null) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri.toString();
            }
        };
    }
}

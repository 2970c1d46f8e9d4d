package vn.tuquan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import vn.tuquan.shared.ProblemResponses;

/**
 * The answer to a request too large to read (413): a body over its limit ({@link RequestBodyLimits})
 * or a file over the upload limit per file (the server's multipart parser, any endpoint).
 */
@Component
class TooLarge {

    private final MessageSource messages;
    private final ProblemResponses problems;
    private final LocaleResolver locales;

    TooLarge(MessageSource messages, ProblemResponses problems, LocaleResolver locales) {
        this.messages = messages;
        this.problems = problems;
        this.locales = locales;
    }

    /**
     * Answers 413 at once, in the caller's language ({@code ?lang=}, else their language cookie, else
     * Vietnamese) and naming the limit: problem+json for the API and any client that does not ask for
     * HTML, a short page otherwise. Written here rather than through the error page, since on the way
     * there something would ask for the request's parameters and Tomcat would try to parse the body.
     */
    void answer(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage("error.413.title", null, locale);
        String detail = messages.getMessage("error.413.detail", new Object[] {megabytes(limit)}, locale);
        response.setHeader("Connection", "close");
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !accept.contains("text/html")) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, title, detail);
            return;
        }
        byte[] page = ("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                        + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\""
                        + request.getContextPath()
                        + "/webjars/bootstrap/css/bootstrap.min.css\"></head><body><main class=\"container py-4\">"
                        + "<h1 class=\"h2\">" + HtmlUtils.htmlEscape(title) + "</h1><p class=\"lead\">"
                        + HtmlUtils.htmlEscape(detail) + "</p><a class=\"btn btn-primary\" href=\""
                        + request.getContextPath()
                        + "/\">" + HtmlUtils.htmlEscape(messages.getMessage("error.back", null, locale))
                        + "</a></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
        response.flushBuffer();
    }

    /** The language asked for in the query string (never the body's parameters), else the person's own. */
    private Locale locale(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return LocaleConfiguration.supported(Locale.forLanguageTag(pair.substring(5)));
            }
        }
        return locales.resolveLocale(request);
    }

    /** "1 MB", "50 MB": a limit as people read it. */
    static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb * 1024 * 1024 == bytes ? mb + " MB" : bytes + " B";
    }

    /** A file over the upload limit, wherever it was sent: 413 naming the limit per file. */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Uploads {

        private final TooLarge tooLarge;
        private final long maxFile;

        Uploads(TooLarge tooLarge, @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFile) {
            this.tooLarge = tooLarge;
            this.maxFile = maxFile.toBytes();
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        void fileTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
            tooLarge.answer(request, response, maxFile);
        }
    }
}

package vn.tuquan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.RefusalMessages;

/**
 * A refusal a page's handler does not show on its own form (an unknown record, a unit of the wrong
 * kind, a filter that makes no sense): the error page, with the refusal's
 * {@link FieldRefusedException#pageStatus()} and its message in the reader's language. The API's
 * refusals are {@link ApiExceptionHandler}'s, which comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusalPages {

    /** The request attribute that carries the refusal's message to {@link ErrorPagesController}. */
    static final String MESSAGE = RefusalPages.class.getName() + ".message";

    private final RefusalMessages refusals;

    RefusalPages(RefusalMessages refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(FieldRefusedException.class)
    void refused(FieldRefusedException refusal, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(MESSAGE, refusals.message(refusal));
        response.sendError(refusal.pageStatus().value());
    }
}

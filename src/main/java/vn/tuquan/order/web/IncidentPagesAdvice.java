package vn.tuquan.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.tuquan.order.IncidentRefusedException;

/** A refusal the incidents' pages cannot show in their own form (a filter that makes no sense): a page saying why. */
@ControllerAdvice(assignableTypes = IncidentPages.class)
class IncidentPagesAdvice {

    private final IncidentRequests requests;

    IncidentPagesAdvice(IncidentRequests requests) {
        this.requests = requests;
    }

    @ExceptionHandler(IncidentRefusedException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(IncidentRefusedException e, Model model) {
        model.addAttribute("error", requests.message(e));
        return "order/refusedIncident";
    }
}

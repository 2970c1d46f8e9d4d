package vn.tuquan.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.order.UnknownPersonRecordException;

/** A record the persons' pages cannot find under the unit asked about: a page saying so, 404. */
@ControllerAdvice(assignableTypes = {PersonCountPages.class, DrugUserPages.class, MediationPages.class,
        ReEducationPages.class})
class PersonPagesAdvice {

    private final PersonSheets sheets;

    PersonPagesAdvice(PersonSheets sheets) {
        this.sheets = sheets;
    }

    @ExceptionHandler(UnknownPersonRecordException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(Model model) {
        model.addAttribute("error", sheets.message("order.persons.problem.unknown"));
        return "order/personRefused";
    }

    /** A filter the list cannot apply (a status that does not exist …): 400, saying which. */
    @ExceptionHandler(PersonRefusedException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(PersonRefusedException e, Model model) {
        model.addAttribute("error", sheets.of(e));
        return "order/personRefused";
    }
}

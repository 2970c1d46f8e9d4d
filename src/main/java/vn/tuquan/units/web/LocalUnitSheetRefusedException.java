package vn.tuquan.units.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.tuquan.shared.FileRefusedException;
import vn.tuquan.shared.RowProblem;

/** An Excel file of residential areas and organisations refused whole: 400 with every bad cell, or 413 over 5 MB. */
final class LocalUnitSheetRefusedException extends FileRefusedException {

    private final HttpStatus status;

    LocalUnitSheetRefusedException(HttpStatus status, List<RowProblem> problems) {
        super(problems);
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String titleKey() {
        return "error.400.title";
    }
}

package vn.tuquan.units.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;
import vn.tuquan.units.OfficialListImported;
import vn.tuquan.units.OfficialLists;

@Service
class OfficialListImport implements OfficialLists {

    private final ListFileReader reader = new ListFileReader();
    private final OfficialListWriter lists;
    private final SuccessionWriter successions;
    private final ApplicationEventPublisher events;

    OfficialListImport(OfficialListWriter lists, SuccessionWriter successions, ApplicationEventPublisher events) {
        this.lists = lists;
        this.successions = successions;
        this.events = events;
    }

    @Override
    @Transactional
    public ImportSummary importFiles(Caller caller, List<Path> files, LocalDate asOf, Optional<String> province) {
        caller.require(Permission.UNITS_IMPORT);
        String names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        List<RowProblem> problems = new ArrayList<>();
        List<ListRow> unitRows = new ArrayList<>();
        List<SuccessionRow> successionRows = new ArrayList<>();
        for (Path file : files) {
            ListFile read = reader.read(file);
            problems.addAll(read.problems());
            if (read instanceof ListFile.Units units) {
                unitRows.addAll(units.rows());
            } else if (read instanceof ListFile.Successions s) {
                successionRows.addAll(s.rows());
            }
        }
        if (!unitRows.isEmpty() && !successionRows.isEmpty()) {
            problems.add(RowProblem.of(RowPlace.line(names, 0), "units.import.error.mixedFiles"));
        }
        refuseIfAny(problems);
        ImportSummary summary;
        if (!successionRows.isEmpty()) {
            summary = successions.write(successionRows, asOf, names);
        } else {
            Snapshot snapshot = Snapshot.build(unitRows, province, problems);
            refuseIfAny(problems);
            summary = lists.write(snapshot, asOf, province, names);
        }
        if (summary.changedAnything()) {
            events.publishEvent(new OfficialListImported(summary, province.orElse(null)));
        }
        return summary;
    }

    private static void refuseIfAny(List<RowProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems.stream()
                    .map(p -> new ImportRefusedException.Problem(
                            p.where().file(), p.where().line(), p.where().position(), p.messageKey(), p.arguments()))
                    .toList());
        }
    }
}

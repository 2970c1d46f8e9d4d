package vn.tuquan.units.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.RowProblem;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The Excel sheet of residential areas and organisations: the template people fill in, and the
 * reading of a filled-in file, every row checked before anything is written.
 *
 * <p>Layout: row 1 the Vietnamese column titles, row 2 an English note per column (skipped when
 * read), one unit a row from row 3. A row with nothing but the commune code is blank (the
 * template's example). A second sheet, "Hướng dẫn", explains each column.
 */
@Component
class LocalUnitSheet {

    /** The columns, in order, named as the fields of the API. */
    static final List<String> COLUMNS = List.of(
            "parentCode",
            "kind",
            "subkind",
            "code",
            "name",
            "sector",
            "hasPartyOrganisation",
            "staffCount",
            "exclusion");

    static final int FIRST_DATA_ROW = 2;
    static final int TEMPLATE_ROWS = 500;
    /** More units than this in one file are refused: split the file. */
    static final int MAX_UNITS = 5000;

    static final String GUIDE_SHEET = "Hướng dẫn";

    private final LocalUnitChoices choices;
    private final Units units;

    LocalUnitSheet(LocalUnitChoices choices, Units units) {
        this.choices = choices;
        this.units = units;
    }

    static String letter(int column) {
        return String.valueOf((char) ('A' + column));
    }

    static String titleKey(String column) {
        return "units.local.sheet.column." + column;
    }

    /** The column's explanation: in English in the template's note row, in Vietnamese on the guide sheet. */
    static String helpKey(String column) {
        return "units.local.sheet.guide." + column;
    }

    /** The template, with the commune's code as an example in the first data row. */
    byte[] template(String communeCode) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(choices.label("units.local.sheet.name", LocalUnitChoices.VIETNAMESE));
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            bold.setWrapText(true);
            CellStyle note = workbook.createCellStyle();
            Font noteFont = workbook.createFont();
            noteFont.setItalic(true);
            noteFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            note.setFont(noteFont);
            note.setWrapText(true);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Row header = sheet.createRow(0);
            Row notes = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell title = header.createCell(c);
                title.setCellValue(choices.label(titleKey(COLUMNS.get(c)), LocalUnitChoices.VIETNAMESE));
                title.setCellStyle(bold);
                Cell help = notes.createCell(c);
                help.setCellValue(choices.label(helpKey(COLUMNS.get(c)), Locale.ENGLISH));
                help.setCellStyle(note);
                sheet.setColumnWidth(c, (c == 4 ? 40 : 22) * 256);
            }
            sheet.setDefaultColumnStyle(0, text);
            sheet.setDefaultColumnStyle(3, text);
            Cell example = sheet.createRow(FIRST_DATA_ROW).createCell(0);
            example.setCellStyle(text);
            example.setCellValue(communeCode == null ? "" : communeCode);
            sheet.createFreezePane(0, FIRST_DATA_ROW);

            DataValidationHelper validations = sheet.getDataValidationHelper();
            dropdown(
                    sheet,
                    validations,
                    1,
                    LocalUnitChoices.KINDS.stream()
                            .map(k -> choices.label(LocalUnitChoices.kindKey(k), LocalUnitChoices.VIETNAMESE))
                            .toList(),
                    true);
            dropdown(
                    sheet,
                    validations,
                    2,
                    LocalUnitChoices.AREA_SUBKINDS.stream()
                            .map(s -> choices.label(LocalUnitChoices.subkindKey(s), LocalUnitChoices.VIETNAMESE))
                            .toList(),
                    false);
            dropdown(
                    sheet,
                    validations,
                    6,
                    List.of(
                            choices.label("units.local.yes", LocalUnitChoices.VIETNAMESE),
                            choices.label("units.local.no", LocalUnitChoices.VIETNAMESE)),
                    true);
            List<String> exclusions = new ArrayList<>();
            exclusions.add(choices.label("units.exclusion.NONE", LocalUnitChoices.VIETNAMESE));
            LocalUnitChoices.EXCLUSIONS.forEach(
                    e -> exclusions.add(choices.label(LocalUnitChoices.exclusionKey(e), LocalUnitChoices.VIETNAMESE)));
            dropdown(sheet, validations, 8, exclusions, true);

            Sheet guide = workbook.createSheet(GUIDE_SHEET);
            Row guideHeader = guide.createRow(0);
            for (String[] cell : new String[][] {
                {"0", "units.local.sheet.guide.column"},
                {"1", "units.local.sheet.guide.title"},
                {"2", "units.local.sheet.guide.meaning"}
            }) {
                Cell c = guideHeader.createCell(Integer.parseInt(cell[0]));
                c.setCellValue(choices.label(cell[1], LocalUnitChoices.VIETNAMESE));
                c.setCellStyle(bold);
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                Row row = guide.createRow(c + 1);
                row.createCell(0).setCellValue(letter(c));
                row.createCell(1).setCellValue(choices.label(titleKey(COLUMNS.get(c)), LocalUnitChoices.VIETNAMESE));
                row.createCell(2).setCellValue(choices.label(helpKey(COLUMNS.get(c)), LocalUnitChoices.VIETNAMESE));
            }
            Row rules = guide.createRow(COLUMNS.size() + 2);
            rules.createCell(0)
                    .setCellValue(choices.label("units.local.sheet.guide.rules", LocalUnitChoices.VIETNAMESE));
            guide.setColumnWidth(0, 8 * 256);
            guide.setColumnWidth(1, 30 * 256);
            guide.setColumnWidth(2, 110 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropdown(
            Sheet sheet, DataValidationHelper helper, int column, List<String> values, boolean strict) {
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(FIRST_DATA_ROW, FIRST_DATA_ROW + TEMPLATE_ROWS - 1, column, column));
        validation.setShowErrorBox(strict);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    /**
     * The rows read: the units to create under their communes, or the problems (a bad cell: its Excel row
     * number, 1-based, and its column letter; then nothing may be written).
     */
    record Result(List<Map.Entry<Long, LocalUnitForm>> units, List<RowProblem> problems) {}

    /** Reads and checks every row; the file is refused whole when any row is bad. */
    Result read(InputStream input, LocalDate asOf) {
        List<RowProblem> problems = new ArrayList<>();
        List<Map.Entry<Long, LocalUnitForm>> found = new ArrayList<>();
        try (InputStream in = FileMagic.prepareToCheckMagic(input)) {
            if (FileMagic.valueOf(in) != FileMagic.OOXML) {
                return refused(RowProblem.atRow(0, "", "units.local.sheet.error.notXlsx", List.of()));
            }
            Workbook workbook;
            try {
                workbook = new XSSFWorkbook(in);
            } catch (IOException | RuntimeException e) {
                return refused(RowProblem.atRow(0, "", "units.local.sheet.error.notXlsx", List.of()));
            }
            try (workbook) {
                Sheet sheet = workbook.getSheetAt(0);
                checkHeader(sheet.getRow(0), problems);
                if (!problems.isEmpty()) {
                    return new Result(List.of(), problems);
                }
                DataFormatter formatter = new DataFormatter(Locale.ROOT);
                Map<String, Optional<UnitView>> communes = new HashMap<>();
                Map<String, Integer> names = new HashMap<>();
                int unitRows = 0;
                for (int r = FIRST_DATA_ROW - 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null || r == FIRST_DATA_ROW - 1 && isNoteRow(row, formatter)) {
                        continue;
                    }
                    String[] cells = new String[COLUMNS.size()];
                    boolean empty = true;
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = text(row.getCell(c), formatter);
                        if (c > 0 && !cells[c].isEmpty()) {
                            empty = false;
                        }
                    }
                    if (empty) {
                        continue;
                    }
                    if (++unitRows > MAX_UNITS) {
                        return refused(
                                RowProblem.atRow(r + 1, "", "units.local.sheet.error.tooManyRows", List.of(MAX_UNITS)));
                    }
                    Map.Entry<Long, LocalUnitForm> unit = row(r + 1, row, cells, asOf, communes, names, problems);
                    if (unit != null) {
                        found.add(unit);
                    }
                }
            }
        } catch (IOException e) {
            return refused(RowProblem.atRow(0, "", "units.local.sheet.error.notXlsx", List.of()));
        }
        if (problems.isEmpty() && found.isEmpty()) {
            problems.add(RowProblem.atRow(0, "", "units.local.sheet.error.empty", List.of()));
        }
        return problems.isEmpty() ? new Result(found, List.of()) : new Result(List.of(), problems);
    }

    private static Result refused(RowProblem problem) {
        return new Result(List.of(), List.of(problem));
    }

    private void checkHeader(Row header, List<RowProblem> problems) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            String expected = choices.label(titleKey(COLUMNS.get(c)), LocalUnitChoices.VIETNAMESE);
            String english = choices.label(titleKey(COLUMNS.get(c)), Locale.ENGLISH);
            Cell cell = header == null ? null : header.getCell(c);
            String actual = cell == null
                    ? ""
                    : new DataFormatter(Locale.ROOT).formatCellValue(cell).strip();
            if (actual.isEmpty()
                    || !(LocalUnitChoices.fold(actual).equals(LocalUnitChoices.fold(expected))
                            || LocalUnitChoices.fold(actual).equals(LocalUnitChoices.fold(english)))) {
                problems.add(RowProblem.atRow(1, letter(c), "units.local.sheet.error.header", List.of(expected)));
            }
        }
    }

    private boolean isNoteRow(Row row, DataFormatter formatter) {
        String first = text(row.getCell(0), formatter);
        return first.equals(VietnameseText.normaliseName(choices.label(helpKey(COLUMNS.get(0)), Locale.ENGLISH)));
    }

    private Map.Entry<Long, LocalUnitForm> row(
            int rowNumber,
            Row row,
            String[] cells,
            LocalDate asOf,
            Map<String, Optional<UnitView>> communes,
            Map<String, Integer> names,
            List<RowProblem> problems) {
        int before = problems.size();
        String parentCode = cells[0];
        if (parentCode.matches("\\d{1,5}")) {
            parentCode = "0".repeat(5 - parentCode.length()) + parentCode;
        }
        UnitView commune = null;
        if (parentCode.isEmpty()) {
            problems.add(RowProblem.atRow(rowNumber, letter(0), "units.local.sheet.error.communeRequired", List.of()));
        } else if (!parentCode.matches("\\d{5}")) {
            problems.add(
                    RowProblem.atRow(rowNumber, letter(0), "units.local.sheet.error.communeCode", List.of(parentCode)));
        } else {
            commune = communes.computeIfAbsent(
                            parentCode,
                            code -> units.findByCode(CurrentCaller.view(), code, asOf)
                                    .filter(u -> u.kind() == UnitKind.COMMUNE))
                    .orElse(null);
            if (commune == null) {
                problems.add(RowProblem.atRow(
                        rowNumber, letter(0), "units.local.sheet.error.unknownCommune", List.of(parentCode, asOf)));
            }
        }
        Boolean party = null;
        try {
            party = choices.yesNo(cells[6]);
        } catch (IllegalArgumentException e) {
            problems.add(RowProblem.atRow(rowNumber, letter(6), "units.local.sheet.error.yesNo", List.of(cells[6])));
        }
        Integer staff = null;
        if (!cells[7].isEmpty()) {
            staff = staffCount(row.getCell(7), cells[7]);
            if (staff == null) {
                problems.add(RowProblem.atRow(
                        rowNumber, letter(7), "units.local.sheet.error.staffCount", List.of(cells[7])));
            }
        }
        List<FieldProblem> fieldProblems = new ArrayList<>();
        LocalUnitForm form = new LocalUnitInput(
                        cells[1], cells[2], cells[3], cells[4], cells[5], party, staff, cells[8])
                .check(choices, null, fieldProblems);
        for (FieldProblem p : fieldProblems) {
            int column = Math.max(0, COLUMNS.indexOf(p.field()));
            problems.add(RowProblem.atRow(rowNumber, letter(column), p.messageKey(), p.arguments()));
        }
        if (form != null) {
            String key = parentCode + "|" + LocalUnitChoices.fold(form.name());
            Integer first = names.putIfAbsent(key, rowNumber);
            if (first != null) {
                problems.add(RowProblem.atRow(
                        rowNumber, letter(4), "units.local.sheet.error.duplicateName", List.of(form.name(), first)));
            }
        }
        if (problems.size() > before || commune == null || form == null) {
            return null;
        }
        return new AbstractMap.SimpleImmutableEntry<>(commune.id(), form);
    }

    private static Integer staffCount(Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            return value >= 0 && value == Math.rint(value) && value <= Integer.MAX_VALUE ? (int) value : null;
        }
        String digits = text.strip();
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        String value = cell.getCellType() == CellType.FORMULA
                ? formatter.formatCellValue(
                        cell, cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator())
                : formatter.formatCellValue(cell);
        String normal = VietnameseText.normaliseName(value);
        return normal == null ? "" : normal;
    }
}

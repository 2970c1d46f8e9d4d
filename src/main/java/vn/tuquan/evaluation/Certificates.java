package vn.tuquan.evaluation;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The certificate (Giấy công nhận) of a unit recognised safe, as a PDF in the Vietnamese
 * administrative layout: the issuing People's Committee and the national motto side by side, the
 * place and date, "GIẤY CÔNG NHẬN", the unit, the standard and the year, the decision and the signer.
 * The text is set in a TrueType font with Vietnamese glyphs, embedded: the one named by
 * {@code tuquan.evaluation.certificate-font}, else DejaVu Serif (Debian's fonts-dejavu-core) or
 * another of {@link #FONT_CANDIDATES} found on the machine. Nothing is downloaded.
 */
@Service
public class Certificates {

    /** Where a font with Vietnamese glyphs is looked for, regular and bold, in this order. */
    static final List<String[]> FONT_CANDIDATES = List.of(
            new String[] {
                "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
            },
            new String[] {
                "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
                "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf"
            },
            new String[] {
                "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"
            },
            new String[] {
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
            });

    private static final String[] NAME_PREFIXES = {
        "Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Huyện ", "Quận ", "Tỉnh ", "Xã "
    };

    private final Evaluations evaluations;
    private final Units units;
    private final String configuredFont;

    Certificates(
            Evaluations evaluations,
            Units units,
            @Value("${tuquan.evaluation.certificate-font:}") String configuredFont) {
        this.evaluations = evaluations;
        this.units = units;
        this.configuredFont = configuredFont;
    }

    /** The certificate of the unit's recognised evaluation of the year; refused unless it is RECOGNISED. */
    public byte[] pdf(Scope scope, long unitId, int year) {
        Evaluation e = evaluations
                .find(scope, unitId, year)
                .orElseThrow(() -> new EvaluationStateException(
                        "evaluation.process.error.noCertificate",
                        MessageArguments.label("evaluation.process.status.NOT_REGISTERED")));
        if (e.status() != Evaluation.Status.RECOGNISED) {
            throw new EvaluationStateException(
                    "evaluation.process.error.noCertificate",
                    MessageArguments.label("evaluation.process.status." + e.status()));
        }
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo())
                .or(() -> units.latest(Scope.WHOLE_COUNTRY, unitId))
                .orElseThrow();
        UnitView issuer = evaluations.competentUnit(scope, unitId, year).orElseThrow();
        String fullName =
                unit.validOn(e.periodTo()) ? units.fullName(Scope.WHOLE_COUNTRY, unitId, e.periodTo()) : unit.name();
        return render(new Content(
                issuer.name(), unit.name(), fullName, year, e.decisionNumber(), e.decisionDate(), e.decisionSigner()));
    }

    /** What a certificate says. */
    record Content(
            String issuer,
            String unitName,
            String unitFullName,
            int year,
            String decisionNumber,
            LocalDate decisionDate,
            String signer) {}

    byte[] render(Content c) {
        BaseFont regular = font(0);
        BaseFont bold = font(1);
        Font header = new Font(bold, 12);
        Font motto = new Font(bold, 12.5f);
        Font mottoSub = new Font(bold, 12.5f, Font.UNDERLINE);
        Font issuerFont = new Font(bold, 12.5f, Font.UNDERLINE);
        Font italic = new Font(regular, 12.5f, Font.ITALIC);
        Font title = new Font(bold, 26, Font.NORMAL, new Color(0xB0, 0x10, 0x10));
        Font text = new Font(regular, 14);
        Font unitFont = new Font(bold, 18, Font.NORMAL, new Color(0x10, 0x30, 0x90));
        Font standard = new Font(bold, 15);
        Font signerFont = new Font(bold, 13);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 56, 56, 48, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Giấy công nhận " + c.unitName() + " năm " + c.year());
        document.addCreator("Tuquan");
        document.open();
        border(writer.getDirectContentUnder(), document.getPageSize());

        PdfPTable top = new PdfPTable(new float[] {40, 60});
        top.setWidthPercentage(100);
        top.addCell(cell(lines(
                new Phrase("ỦY BAN NHÂN DÂN\n", header),
                new Phrase(c.issuer().toUpperCase(new Locale("vi")), issuerFont))));
        top.addCell(cell(lines(
                new Phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", motto),
                new Phrase("Độc lập - Tự do - Hạnh phúc", mottoSub))));
        top.addCell(cell(new Paragraph(" ", text)));
        top.addCell(cell(lines(new Phrase(place(c.issuer()) + ", " + dateLine(c.decisionDate()), italic))));
        document.add(top);

        document.add(centered("GIẤY CÔNG NHẬN", title, 28, 10));
        document.add(
                centered("ỦY BAN NHÂN DÂN " + c.issuer().toUpperCase(new Locale("vi")), new Font(bold, 13), 0, 10));
        document.add(centered(
                "Căn cứ Quyết định số " + c.decisionNumber() + " ngày " + dd(c.decisionDate()) + " của Ủy ban nhân dân "
                        + c.issuer(),
                new Font(regular, 13, Font.ITALIC),
                0,
                12));
        document.add(centered("CÔNG NHẬN", new Font(bold, 14), 0, 6));
        document.add(centered(c.unitName(), unitFont, 0, 2));
        if (!c.unitFullName().equals(c.unitName())) {
            document.add(
                    centered(c.unitFullName().substring(c.unitName().length()).replaceFirst("^,\\s*", ""), text, 0, 8));
        }
        document.add(centered("Đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm " + c.year(), standard, 6, 20));

        PdfPTable bottom = new PdfPTable(new float[] {50, 50});
        bottom.setWidthPercentage(100);
        bottom.addCell(cell(lines(new Phrase("Số: " + c.decisionNumber(), new Font(regular, 12)))));
        bottom.addCell(
                cell(lines(new Phrase("TM. ỦY BAN NHÂN DÂN\n\n\n\n", signerFont), new Phrase(c.signer(), signerFont))));
        document.add(bottom);
        document.close();
        return out.toByteArray();
    }

    private static void border(PdfContentByte canvas, Rectangle page) {
        canvas.setColorStroke(new Color(0xB0, 0x10, 0x10));
        canvas.setLineWidth(3f);
        canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.rectangle(30, 30, page.getWidth() - 60, page.getHeight() - 60);
        canvas.stroke();
    }

    private static Paragraph lines(Phrase... phrases) {
        Paragraph p = new Paragraph();
        for (Phrase phrase : phrases) {
            p.add(phrase);
        }
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static PdfPCell cell(Paragraph content) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        content.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(content);
        return cell;
    }

    private static Paragraph centered(String content, Font font, float before, float after) {
        Paragraph p = new Paragraph(new Chunk(content, font));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    /** "Hạ Long" for "Phường Hạ Long": the place line names the issuing unit without its kind. */
    static String place(String issuer) {
        for (String prefix : NAME_PREFIXES) {
            if (issuer.startsWith(prefix)) {
                return issuer.substring(prefix.length());
            }
        }
        return issuer;
    }

    /** "ngày 05 tháng 12 năm 2023". */
    static String dateLine(LocalDate date) {
        return String.format("ngày %02d tháng %02d năm %d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String dd(LocalDate date) {
        return MessageArguments.display(date).toString();
    }

    /** The regular (0) or bold (1) font: the configured file, or the first candidate found on the machine. */
    BaseFont font(int style) {
        String path = fontPath(style)
                .orElseThrow(() -> new IllegalStateException(
                        "No font with Vietnamese glyphs for the certificate: set tuquan.evaluation.certificate-font to a TrueType "
                                + "file, or install Debian's fonts-dejavu-core (looked for "
                                + FONT_CANDIDATES.stream().map(c -> c[style]).toList() + ")"));
        try {
            return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate font " + path + " could not be read", e);
        }
    }

    private Optional<String> fontPath(int style) {
        if (configuredFont != null && !configuredFont.isBlank()) {
            String[] parts = configuredFont.split(",");
            String chosen = parts.length > style ? parts[style].strip() : parts[0].strip();
            return Files.isReadable(Path.of(chosen)) ? Optional.of(chosen) : Optional.empty();
        }
        return FONT_CANDIDATES.stream()
                .filter(c -> Files.isReadable(Path.of(c[0])) && Files.isReadable(Path.of(c[1])))
                .map(c -> c[style])
                .findFirst();
    }
}

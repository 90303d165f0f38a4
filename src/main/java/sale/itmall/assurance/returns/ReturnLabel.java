package sale.itmall.assurance.returns;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A return label as the customer prints it: a 4 × 6 inch page (the size of a parcel label) with the RMA number as
 * Code 128 and as QR code for the warehouse's scanner, the addresses, the case, item and serial, and the deadlines.
 * Every text comes in already worded for the reader (their language and time zone); this only lays it out. Text a
 * customer typed (their address) is printed as text, never interpreted; a character the PDF's standard font cannot
 * show is printed as {@code ?}.
 *
 * @param heading the label's heading, e.g. "Return to ITMall"
 * @param facts the case's facts, label and value, in print order
 * @param shipTo the vendor's returns address, line by line
 * @param shipFrom the customer's address, line by line; empty leaves room to write it
 */
record ReturnLabel(
        String documentTitle,
        String heading,
        String rmaNumber,
        String shipToHeading,
        List<String> shipTo,
        String shipFromHeading,
        List<String> shipFrom,
        String shipFromMissing,
        List<Fact> facts,
        String instructions) {

    /** One line of the label's facts. */
    public record Fact(String label, String value) {}

    static final float WIDTH = 288; // 4 in
    static final float HEIGHT = 432; // 6 in
    private static final float MARGIN = 16;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** The label as a one-page PDF. */
    public byte[] pdf() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            document.getDocumentInformation().setTitle(printable(documentTitle, REGULAR));
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                draw(canvas);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The return label of " + rmaNumber + " could not be written", e);
        }
    }

    private void draw(PDPageContentStream canvas) throws IOException {
        float y = HEIGHT - MARGIN - 14;
        text(canvas, BOLD, 14, MARGIN, y, heading);
        y -= 20;
        y = block(canvas, shipToHeading, shipTo, y, 10);

        // the RMA number as Code 128, with the number written under it
        y -= 8;
        float barHeight = 54;
        bars(
                canvas,
                new Code128Writer().encode(rmaNumber, BarcodeFormat.CODE_128, 0, 0),
                MARGIN,
                y - barHeight,
                WIDTH - 2 * MARGIN,
                barHeight);
        y -= barHeight + 14;
        float numberWidth = BOLD.getStringWidth(printable(rmaNumber, BOLD)) / 1000 * 13;
        text(canvas, BOLD, 13, (WIDTH - numberWidth) / 2, y, rmaNumber);

        // the facts on the left, the QR code on the right
        y -= 12;
        float qrSize = 78;
        BitMatrix qr = qrCode(rmaNumber);
        modules(canvas, qr, WIDTH - MARGIN - qrSize, y - qrSize, qrSize);
        float factsTop = y;
        for (Fact fact : facts) {
            y -= 11;
            text(canvas, BOLD, 7.5f, MARGIN, y, fact.label());
            y -= 9.5f;
            for (String line : wrap(fact.value(), REGULAR, 8.5f, WIDTH - 2 * MARGIN - qrSize - 8)) {
                text(canvas, REGULAR, 8.5f, MARGIN, y, line);
                y -= 9.5f;
            }
            y += 9.5f;
        }
        y = Math.min(y, factsTop - qrSize) - 14;
        y = block(canvas, shipFromHeading, shipFrom.isEmpty() ? List.of(shipFromMissing) : shipFrom, y, 8.5f);

        y -= 6;
        for (String line : wrap(instructions, REGULAR, 7, WIDTH - 2 * MARGIN)) {
            if (y < MARGIN) {
                break;
            }
            text(canvas, REGULAR, 7, MARGIN, y, line);
            y -= 8.5f;
        }
    }

    /** A heading and its lines; answers where the next block starts. */
    private static float block(PDPageContentStream canvas, String heading, List<String> lines, float y, float size)
            throws IOException {
        text(canvas, BOLD, 7.5f, MARGIN, y, heading.toUpperCase(Locale.ROOT));
        for (String line : lines) {
            for (String wrapped : wrap(line, REGULAR, size, WIDTH - 2 * MARGIN)) {
                y -= size + 2;
                text(canvas, REGULAR, size, MARGIN, y, wrapped);
            }
        }
        return y - 6;
    }

    static BitMatrix qrCode(String content) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for " + content, e);
        }
    }

    /** A one-dimensional barcode stretched to the width: each run of dark modules one bar, so no seam splits a bar. */
    private static void bars(PDPageContentStream canvas, BitMatrix code, float x, float y, float width, float height)
            throws IOException {
        float module = width / code.getWidth();
        for (int i = 0; i < code.getWidth(); ) {
            if (!code.get(i, 0)) {
                i++;
                continue;
            }
            int start = i;
            while (i < code.getWidth() && code.get(i, 0)) {
                i++;
            }
            canvas.addRect(x + start * module, y, (i - start) * module, height);
        }
        canvas.fill();
    }

    /** A two-dimensional code: each row's runs of dark modules one rectangle. */
    private static void modules(PDPageContentStream canvas, BitMatrix code, float x, float y, float size)
            throws IOException {
        float module = size / code.getWidth();
        for (int row = 0; row < code.getHeight(); row++) {
            float top = y + size - (row + 1) * module;
            for (int col = 0; col < code.getWidth(); ) {
                if (!code.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < code.getWidth() && code.get(col, row)) {
                    col++;
                }
                canvas.addRect(x + start * module, top, (col - start) * module, module);
            }
        }
        canvas.fill();
    }

    private static void text(PDPageContentStream canvas, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.newLineAtOffset(x, y);
        canvas.showText(printable(text, font));
        canvas.endText();
    }

    /** Words onto lines no wider than the width (a word longer than a line is cut). */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text, font).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line.setLength(0);
            line.append(word);
            while (font.getStringWidth(line.toString()) / 1000 * size > width && line.length() > 1) {
                int fit = line.length() - 1;
                while (fit > 1 && font.getStringWidth(line.substring(0, fit)) / 1000 * size > width) {
                    fit--;
                }
                lines.add(line.substring(0, fit));
                line.delete(0, fit);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text as the standard font can print it: control characters as spaces, an unknown glyph as {@code ?}. */
    static String printable(String text, PDType1Font font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String ch = Character.isISOControl(c) ? " " : new String(Character.toChars(c));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}

package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestMail;

/**
 * The return label as a customer prints it and a warehouse scans it: a real PDF, read back with PDFBox, its barcodes
 * decoded by ZXing from the rendered page as a scanner would see them.
 */
@ApplicationTest
class ReturnLabelTest {

    static final int YOUNG = 100;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReturnLabels returnLabels;

    @Autowired
    CaseStore store;

    @Autowired
    Labels labels;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aGermanCustomersLabelCarriesTheRmaAsCode128AndQrTheirAddressAndTheirDeadlinesInTheirZone() throws Exception {
        String customer = fixtures.customer(true);
        jdbc.sql(
                        "update customers set language = 'de', time_zone = 'Europe/Berlin', address = ? where customer_number = ?")
                .params("Wareneingang Tor 3;Hafenstraße 17;40213 Düsseldorf;東京 Büro", customer)
                .update();
        String caseRef = scenarios.caseAwaitingReturn(customer, YOUNG);
        CaseRecord c = store.require(caseRef);

        ReturnLabels.Pdf pdf = returnLabels.forCase(caseRef);

        assertThat(pdf.fileName()).isEqualTo("return-label-" + c.rmaNumber() + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            assertThat(document.getNumberOfPages()).isOne();
            // a parcel label, 4 x 6 inches
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(288f);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(432f);
            String text = new PDFTextStripper().getText(document);
            Audience berlin = new Audience(Locale.GERMAN, ZoneId.of("Europe/Berlin"));
            assertThat(text)
                    .contains("Rücksendung an ITMall")
                    .contains("EMPFÄNGER")
                    .contains("ITMall Service Assurance - Returns")
                    .contains("ABSENDER")
                    .contains(c.customerName())
                    .contains("Hafenstraße 17", "40213 Düsseldorf")
                    // what the standard font cannot show is printed as ?, the rest of the line stays
                    .contains("?? Büro")
                    .contains(caseRef)
                    .contains(c.serialNumber())
                    .contains(labels.when(c.returnDueAt(), berlin))
                    .contains(labels.when(c.complianceLimitAt(), berlin))
                    .contains("Rücksendung bis", "Compliance-Frist")
                    .doesNotContain("Return by");
            // in Berlin's offset on that day, not UTC's
            assertThat(labels.when(c.returnDueAt(), berlin))
                    .contains(ZoneId.of("Europe/Berlin")
                            .getRules()
                            .getOffset(c.returnDueAt())
                            .getId());
            assertThat(barcodes(document))
                    .containsEntry(BarcodeFormat.CODE_128, c.rmaNumber())
                    .containsEntry(BarcodeFormat.QR_CODE, c.rmaNumber());
        }
    }

    @Test
    void aLabelWithoutTheCustomersAddressLeavesRoomToWriteItAndOnlyTheOwnerDownloadsIt() throws Exception {
        String customer = fixtures.customer(true);
        String other = fixtures.customer(true);
        String caseRef = scenarios.caseAwaitingReturn(customer, YOUNG);
        CaseRecord c = store.require(caseRef);
        RequestPostProcessor owner = user(fixtures.portalUser(customer)).roles("CUSTOMER");
        RequestPostProcessor another = user(fixtures.portalUser(other)).roles("CUSTOMER");

        byte[] downloaded = mvc.perform(
                        get("/returns/" + caseRef + "/label.pdf").with(owner))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string(
                                "Content-Disposition", "inline; filename=\"return-label-" + c.rmaNumber() + ".pdf\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(downloaded)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Return to ITMall")
                    .contains(c.customerName() + " (" + customer + "): write your address here")
                    .contains("Return by");
            assertThat(barcodes(document)).containsEntry(BarcodeFormat.CODE_128, c.rmaNumber());
        }
        // the API answers the same file; another customer finds neither
        mvc.perform(get("/api/returns/" + caseRef + "/label.pdf").with(owner))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE));
        mvc.perform(get("/returns/" + caseRef + "/label.pdf").with(another)).andExpect(status().isNotFound());
        mvc.perform(get("/api/returns/" + caseRef + "/label.pdf").with(another)).andExpect(status().isNotFound());
    }

    @Test
    void aCaseWithoutAnRmaHasNoLabel() throws Exception {
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAtDiagnosis(customer, AssetCategory.ACCESSORY, YOUNG);
        mvc.perform(get("/returns/" + caseRef + "/label.pdf")
                        .with(user(fixtures.portalUser(customer)).roles("CUSTOMER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theMailThatAuthorizesTheRmaCarriesTheLabel() throws Exception {
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAwaitingReturn(customer, YOUNG);
        CaseRecord c = store.require(caseRef);

        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestMail.to(c.customerEmail()).stream()
                                .filter(m -> subject(m).contains(c.rmaNumber()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        BodyPart attachment = attachment((MimeMultipart) mail.getContent());
        assertThat(attachment.getFileName()).isEqualTo("return-label-" + c.rmaNumber() + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(attachment.getInputStream().readAllBytes())) {
            assertThat(barcodes(document))
                    .containsEntry(BarcodeFormat.CODE_128, c.rmaNumber())
                    .containsEntry(BarcodeFormat.QR_CODE, c.rmaNumber());
        }
    }

    /** The barcodes a scanner finds on the page rendered at 300 dpi, by format (each looked for on its own). */
    static Map<BarcodeFormat, String> barcodes(PDDocument document) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Map<BarcodeFormat, String> found = new TreeMap<>();
        for (BarcodeFormat format : List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE)) {
            try {
                Result r = new MultiFormatReader()
                        .decode(
                                bitmap,
                                Map.of(
                                        DecodeHintType.TRY_HARDER,
                                        true,
                                        DecodeHintType.POSSIBLE_FORMATS,
                                        List.of(format)));
                found.put(r.getBarcodeFormat(), r.getText());
            } catch (NotFoundException e) {
                found.remove(format); // not on the page: the assertions say what was expected
            }
        }
        return found;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BodyPart attachment(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                return part;
            }
            if (part.getContent() instanceof MimeMultipart inner) {
                BodyPart found = attachment(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

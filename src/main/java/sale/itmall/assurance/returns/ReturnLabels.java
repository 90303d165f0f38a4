package sale.itmall.assurance.returns;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * The return label of an authorized RMA, in the customer's language and time zone: what the tracking page offers for
 * download, the API answers and the RMA mail carries. Ship-to is the vendor's returns address
 * ({@code itmall.returns.ship-to}, lines separated by a new line or {@code ;}); ship-from the customer's address as the
 * installed-base import gave it (column {@code customer_address}), or room to write it.
 */
@Service
public class ReturnLabels {

    private final CaseStore cases;
    private final CustomerAccounts customers;
    private final JdbcClient jdbc;
    private final Labels labels;
    private final List<String> shipTo;

    ReturnLabels(
            CaseStore cases,
            CustomerAccounts customers,
            JdbcClient jdbc,
            Labels labels,
            @Value("${itmall.returns.ship-to}") String shipTo) {
        this.cases = cases;
        this.customers = customers;
        this.jdbc = jdbc;
        this.labels = labels;
        this.shipTo = lines(shipTo);
    }

    /** A label as a file: the name it is downloaded and attached as, and the PDF. */
    public record Pdf(String fileName, byte[] content) {}

    /** The label of one of the customer's own cases; not found when it is another's or has no RMA. */
    public Pdf forCustomer(Customer customer, String caseRef) {
        CaseRecord c = cases.require(caseRef);
        if (!c.customerId().equals(customer.id())) {
            throw new CaseNotFound(caseRef);
        }
        return pdf(c);
    }

    /** The label of a case, for the mail that authorizes its RMA. */
    public Pdf forCase(String caseRef) {
        return pdf(cases.require(caseRef));
    }

    private Pdf pdf(CaseRecord c) {
        return new Pdf("return-label-" + c.rmaNumber() + ".pdf", label(c).pdf());
    }

    ReturnLabel label(CaseRecord c) {
        if (c.rmaNumber() == null) {
            throw CaseNotFound.of("label", c.reference());
        }
        Audience reader = customers.customer(c.customerId()).audience();
        String address = jdbc.sql("select address from customers where id = ?")
                .param(c.customerId().value())
                .query(String.class)
                .optional()
                .orElse(null);
        List<String> shipFrom = address == null || address.isBlank()
                ? List.of()
                : Stream.concat(Stream.of(c.customerName()), lines(address).stream())
                        .toList();
        return new ReturnLabel(
                labels.text(reader, "label.document", c.rmaNumber()),
                labels.text(reader, "label.heading"),
                c.rmaNumber(),
                labels.text(reader, "label.ship-to"),
                shipTo,
                labels.text(reader, "label.ship-from"),
                shipFrom,
                labels.text(reader, "label.ship-from.missing", c.customerName(), c.customerNumber()),
                List.of(
                        new ReturnLabel.Fact(labels.text(reader, "slip.case"), c.reference()),
                        new ReturnLabel.Fact(
                                labels.text(reader, "slip.item"),
                                labels.text(reader, "slip.item.value", c.model(), c.serialNumber())),
                        new ReturnLabel.Fact(
                                labels.text(reader, "slip.return-by"), labels.when(c.returnDueAt(), reader)),
                        new ReturnLabel.Fact(
                                labels.text(reader, "slip.limit"), labels.when(c.complianceLimitAt(), reader))),
                labels.text(reader, "label.instructions", c.policyRevision()));
    }

    /** Address lines: split at new lines or semicolons, trimmed, blank ones dropped. */
    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R|;"))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
    }
}

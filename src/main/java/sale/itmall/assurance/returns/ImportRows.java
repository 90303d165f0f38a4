package sale.itmall.assurance.returns;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.EmailAddresses;

/**
 * The rows of an installed-base file, read and checked one by one (plain Java, no database): each row becomes a
 * customer, an order and an asset, or a rejection naming its line and reason. A blank optional cell is null: it
 * never changes what is stored.
 */
final class ImportRows {

    private static final int MAX_TEXT = 300;

    private ImportRows() {}

    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    record OrderRow(String number, String customerNumber, LocalDate orderedOn) {}

    record AssetRow(
            String serial,
            String model,
            AssetCategory category,
            String orderNumber,
            String customerNumber,
            LocalDate shippedOn,
            BigDecimal unitPrice,
            String currency,
            boolean manufacturerPlan,
            String manufacturerName) {

        /** A blank manufacturer_name keeps what is stored for a known asset. */
        AssetRow keepingNameOf(String storedName) {
            return manufacturerName != null || storedName == null
                    ? this
                    : new AssetRow(
                            serial,
                            model,
                            category,
                            orderNumber,
                            customerNumber,
                            shippedOn,
                            unitPrice,
                            currency,
                            manufacturerPlan,
                            storedName);
        }
    }

    static final class Parsed {
        int rows;
        final Map<String, CustomerRow> customers = new LinkedHashMap<>();
        final Map<String, OrderRow> orders = new LinkedHashMap<>();
        /** Each order's first shipping date: the date of a new order whose ordered_on is blank. */
        final Map<String, LocalDate> orderShippedOn = new HashMap<>();

        final Map<String, AssetRow> assets = new LinkedHashMap<>();
        final Map<String, Long> assetLines = new HashMap<>();
        final List<InstalledBaseImport.Rejection> rejected = new ArrayList<>();
    }

    static Parsed parse(Reader csv, LocalDate today, IntConsumer progress) {
        Parsed p = new Parsed();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT))
                    .toList();
            List<String> missing = InstalledBaseImport.COLUMNS.stream()
                    .filter(c -> !header.contains(c))
                    .filter(c -> !InstalledBaseImport.OPTIONAL_COLUMNS.contains(c))
                    .toList();
            if (!missing.isEmpty()) {
                p.rejected.add(new InstalledBaseImport.Rejection(
                        1,
                        "the header lacks the column(s) " + String.join(", ", missing) + "; expected "
                                + String.join(",", InstalledBaseImport.COLUMNS)));
                return p;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            for (CSVRecord record : parser) {
                p.rows++;
                long line = record.getRecordNumber() + 1;
                try {
                    accept(p, new Fields(record, index), line, today);
                } catch (RowRejected e) {
                    p.rejected.add(new InstalledBaseImport.Rejection(line, e.getMessage()));
                }
                if (p.rows % 5000 == 0) {
                    progress.accept(p.rows);
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            p.rejected.add(
                    new InstalledBaseImport.Rejection(p.rows + 2L, "the file is not valid CSV: " + e.getMessage()));
        }
        return p;
    }

    static final class RowRejected extends RuntimeException {
        RowRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One record's fields by column name, each trimmed, checked for control characters and length. */
    private record Fields(CSVRecord record, Map<String, Integer> index) {
        String optional(String column, int max) {
            Integer i = index.get(column);
            String value = i == null || i >= record.size() ? "" : record.get(i).trim();
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                throw new RowRejected(column + " contains control characters");
            }
            if (value.length() > max) {
                throw new RowRejected(column + " is longer than " + max + " characters");
            }
            return value;
        }

        String required(String column, int max) {
            String value = optional(column, max);
            if (value.isEmpty()) {
                throw new RowRejected(column + " is empty");
            }
            return value;
        }

        LocalDate date(String column, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new RowRejected(column + " '" + value + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    private static boolean yesNo(String column, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new RowRejected(column + " '" + text + "' is not true or false");
        };
    }

    private static void accept(Parsed p, Fields f, long line, LocalDate today) {
        String customerNumber = f.required("customer_number", InputRules.MAX_ID);
        String paymentText = f.optional("payment_method_on_file", 5);
        String languageText = f.optional("customer_language", InputRules.MAX_ID);
        String zoneText = f.optional("customer_time_zone", InputRules.MAX_ID);
        String address = f.optional("customer_address", MAX_TEXT);
        if (!languageText.isEmpty() && Audience.language(languageText).isEmpty()) {
            throw new RowRejected("customer_language '" + languageText + "' is not one of "
                    + Audience.LANGUAGES.stream().map(Locale::getLanguage).toList());
        }
        if (!zoneText.isEmpty() && Audience.zone(zoneText).isEmpty()) {
            throw new RowRejected(
                    "customer_time_zone '" + zoneText + "' is not a time zone region such as Europe/Berlin or UTC");
        }
        CustomerRow customer = new CustomerRow(
                customerNumber,
                f.required("customer_name", MAX_TEXT),
                f.required("customer_email", MAX_TEXT),
                paymentText.isEmpty() ? null : yesNo("payment_method_on_file", paymentText),
                languageText.isEmpty()
                        ? null
                        : Audience.language(languageText).orElseThrow().getLanguage(),
                zoneText.isEmpty() ? null : zoneText,
                address.isEmpty() ? null : address);
        if (!EmailAddresses.isValid(customer.email())) {
            throw new RowRejected("customer_email '" + customer.email() + "' is not an e-mail address");
        }
        String orderNumber = f.required("order_number", InputRules.MAX_ID);
        String serial = f.required("serial_number", InputRules.MAX_ID);
        String model = f.required("model", MAX_TEXT);
        String categoryText = f.required("category", InputRules.MAX_ID).toUpperCase(Locale.ROOT);
        AssetCategory category;
        try {
            category = AssetCategory.valueOf(categoryText);
        } catch (IllegalArgumentException e) {
            throw new RowRejected("category '" + categoryText + "' is not one of " + Set.of(AssetCategory.values()));
        }
        LocalDate shippedOn = f.date("shipped_on", f.required("shipped_on", 10));
        if (shippedOn.isAfter(today)) {
            throw new RowRejected("shipped_on " + shippedOn + " is in the future");
        }
        String orderedText = f.optional("ordered_on", 10);
        // blank: a known order keeps its stored date; a new one is dated by its first shipment (compare)
        LocalDate orderedOn = orderedText.isEmpty() ? null : f.date("ordered_on", orderedText);
        p.orderShippedOn.putIfAbsent(orderNumber, shippedOn);
        BigDecimal price;
        try {
            price = new BigDecimal(f.required("unit_price", 20));
        } catch (NumberFormatException e) {
            throw new RowRejected("unit_price is not a number");
        }
        if (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 10) {
            throw new RowRejected("unit_price " + price + " must be at least 0, with at most 2 decimals");
        }
        String currency = f.required("currency", 10).toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new RowRejected("currency '" + currency + "' is not an ISO 4217 code");
        }
        boolean plan = yesNo("manufacturer_plan", f.required("manufacturer_plan", 5));
        String maker = f.optional("manufacturer_name", MAX_TEXT);
        if (plan && maker.isEmpty()) {
            throw new RowRejected("manufacturer_name is needed when manufacturer_plan is true");
        }

        CustomerRow seenCustomer = p.customers.get(customerNumber);
        if (seenCustomer != null) {
            customer = customer.with(seenCustomer)
                    .orElseThrow(
                            () -> new RowRejected(
                                    "customer " + customerNumber
                                            + " is given another name, e-mail or payment method (or language, or time zone) on an earlier line"));
        }
        p.customers.put(customerNumber, customer);
        OrderRow order = new OrderRow(orderNumber, customerNumber, orderedOn);
        OrderRow seenOrder = p.orders.putIfAbsent(orderNumber, order);
        if (seenOrder != null && !seenOrder.customerNumber().equals(customerNumber)) {
            throw new RowRejected("order " + orderNumber + " is given to customer " + seenOrder.customerNumber()
                    + " on an earlier line");
        }
        AssetRow asset = new AssetRow(
                serial,
                model,
                category,
                orderNumber,
                customerNumber,
                shippedOn,
                price,
                currency,
                plan,
                maker.isEmpty() ? null : maker);
        if (p.assets.putIfAbsent(serial, asset) != null) {
            throw new RowRejected("serial " + serial + " is listed on line " + p.assetLines.get(serial) + " already");
        }
        p.assetLines.put(serial, line);
    }
}

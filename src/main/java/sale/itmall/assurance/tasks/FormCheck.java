package sale.itmall.assurance.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import sale.itmall.assurance.tasks.TaskRefused.FieldRefusal;

/**
 * What a completed form may send to the engine: the form's own input fields, each checked against the form as
 * form-js checks it in the browser (type, required, options, length, pattern). A field the form shows read-only may
 * come back only unchanged, and is not sent on; an unknown field, a value outside a field's options or of the wrong
 * type is refused by name. Plain Java over the form's JSON (forms/*.form).
 */
final class FormCheck {

    /** The checked answer: the variables to send, or what was refused. */
    record Result(Map<String, Object> variables, List<FieldRefusal> refusals) {
        boolean accepted() {
            return refusals.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUTS = Set.of(
            "textfield", "textarea", "number", "checkbox", "radio", "select", "checklist", "taglist", "datetime");
    private static final Set<String> WITH_OPTIONS = Set.of("radio", "select", "checklist", "taglist");

    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    FormCheck(JsonNode schema) {
        collect(schema.path("components"));
    }

    private void collect(JsonNode components) {
        for (JsonNode c : components) {
            if (INPUTS.contains(c.path("type").asText()) && c.hasNonNull("key")) {
                fields.put(c.get("key").asText(), c);
            }
            collect(c.path("components"));
        }
    }

    /**
     * Checks what a person submitted against the form and the task's own variables (for read-only fields and for
     * options a variable lists).
     */
    Result check(Map<String, Object> submitted, JsonNode taskVariables) {
        List<FieldRefusal> refusals = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : submitted.entrySet()) {
            JsonNode field = fields.get(e.getKey());
            if (field == null) {
                refusals.add(new FieldRefusal(e.getKey(), e.getKey(), "is not a field of this form"));
                continue;
            }
            JsonNode value = JSON.valueToTree(e.getValue());
            if (readOnly(field)) {
                if (!sameValue(value, taskVariables.path(e.getKey()))) {
                    refusals.add(refusal(field, "is read-only"));
                }
                continue;
            }
            String problem = problem(field, value, taskVariables);
            if (problem != null) {
                refusals.add(refusal(field, problem));
            } else {
                accepted.put(e.getKey(), e.getValue());
            }
        }
        for (JsonNode field : fields.values()) {
            String key = field.get("key").asText();
            boolean required = field.path("validate").path("required").asBoolean(false);
            // a field shown only under a condition may be hidden, and a hidden field is not submitted
            if (required && !readOnly(field) && !field.has("conditional") && blank(submitted.get(key))) {
                refusals.add(refusal(field, "is required"));
            }
        }
        return new Result(accepted, refusals);
    }

    private static boolean readOnly(JsonNode field) {
        return field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false);
    }

    private static boolean sameValue(JsonNode sent, JsonNode stored) {
        if (sent.isNull() || sent.isMissingNode()) {
            return stored.isNull() || stored.isMissingNode();
        }
        return sent.equals(stored) || sent.isTextual() && sent.asText().equals(stored.asText(null));
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty();
    }

    private static FieldRefusal refusal(JsonNode field, String reason) {
        String key = field.get("key").asText();
        return new FieldRefusal(key, field.path("label").asText(key), reason);
    }

    /** Why a value does not fit its field, or null when it does; an absent value (null) always fits. */
    private static String problem(JsonNode field, JsonNode value, JsonNode taskVariables) {
        if (value.isNull()) {
            return null;
        }
        String type = field.path("type").asText();
        JsonNode validate = field.path("validate");
        switch (type) {
            case "checkbox" -> {
                return value.isBoolean() ? null : "must be true or false";
            }
            case "number" -> {
                if (!value.isNumber() && !(value.isTextual() && isNumber(value.asText()))) {
                    return "must be a number";
                }
                double n = value.asDouble();
                if (validate.has("min") && n < validate.get("min").asDouble()) {
                    return "must be at least " + validate.get("min").asText();
                }
                if (validate.has("max") && n > validate.get("max").asDouble()) {
                    return "must be at most " + validate.get("max").asText();
                }
                return null;
            }
            case "checklist", "taglist" -> {
                if (value.getNodeType() != JsonNodeType.ARRAY) {
                    return "must be a list of its options";
                }
                for (JsonNode item : value) {
                    if (!option(field, item, taskVariables)) {
                        return "has '" + item.asText() + "', which is not one of its options";
                    }
                }
                return null;
            }
            default -> {
                if (!value.isTextual()) {
                    return "must be text";
                }
                if (WITH_OPTIONS.contains(type)) {
                    return option(field, value, taskVariables)
                            ? null
                            : "has '" + value.asText() + "', which is not one of its options";
                }
                return textProblem(validate, value.asText());
            }
        }
    }

    private static String textProblem(JsonNode validate, String text) {
        if (validate.has("maxLength")
                && text.length() > validate.get("maxLength").asInt()) {
            return "may have at most " + validate.get("maxLength").asInt() + " characters";
        }
        if (validate.has("minLength")
                && !text.isEmpty()
                && text.length() < validate.get("minLength").asInt()) {
            return "needs at least " + validate.get("minLength").asInt() + " characters";
        }
        if (validate.hasNonNull("pattern") && !text.isEmpty()) {
            try {
                if (!Pattern.compile(validate.get("pattern").asText())
                        .matcher(text)
                        .matches()) {
                    return "does not have the expected form";
                }
            } catch (PatternSyntaxException e) {
                return null; // a pattern Java cannot read: the browser checked it
            }
        }
        return null;
    }

    /** Whether a value is one of the field's options: listed in the form, or in the task variable it names. */
    private static boolean option(JsonNode field, JsonNode value, JsonNode taskVariables) {
        JsonNode options = field.has("values")
                ? field.get("values")
                : field.hasNonNull("valuesKey")
                        ? taskVariables.path(field.get("valuesKey").asText())
                        : null;
        if (options == null || !options.isArray()) {
            return field.has("valuesExpression"); // options computed by FEEL in the browser: not checked here
        }
        for (JsonNode o : options) {
            JsonNode v = o.has("value") ? o.get("value") : o;
            if (v.asText().equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

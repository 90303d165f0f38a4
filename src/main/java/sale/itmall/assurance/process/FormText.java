package sale.itmall.assurance.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a form's text view shows inside its Markdown ({@code {{proofSummary}}}): form-js (Tasklist's renderer, and the
 * portal's task queue) puts a variable's value into the Markdown before rendering it, so customer text (a proof's file
 * name) must arrive with every Markdown sign escaped, to read as typed, never as a link or emphasis.
 */
public final class FormText {

    private static final Pattern MARKDOWN = Pattern.compile("[\\\\`*_{}\\[\\]()#+\\-.!|~<>&]");

    private FormText() {}

    /** The text with each Markdown sign escaped by a backslash (CommonMark: any ASCII punctuation may be). */
    public static String literal(String text) {
        return text == null ? "" : MARKDOWN.matcher(text).replaceAll(m -> "\\\\" + Matcher.quoteReplacement(m.group()));
    }
}

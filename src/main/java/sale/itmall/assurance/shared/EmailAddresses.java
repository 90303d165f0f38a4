package sale.itmall.assurance.shared;

import java.util.regex.Pattern;

/** What passes for an e-mail address wherever one comes in (imported customers, invited users). */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {}

    public static boolean isValid(String address) {
        return address != null && ADDRESS.matcher(address).matches();
    }
}

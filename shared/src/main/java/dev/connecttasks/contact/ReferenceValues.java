package dev.connecttasks.contact;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Format rules for the values of writable reference types. */
final class ReferenceValues {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,3})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ReferenceValues() {
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isDecimalNumber(String value) {
        return DECIMAL.matcher(value).matches();
    }

    static boolean isEpochSeconds(String value) {
        return EPOCH_SECONDS.matcher(value).matches();
    }

    static boolean isEmailAddress(String value) {
        return value.length() <= 254 && EMAIL.matcher(value).matches();
    }
}

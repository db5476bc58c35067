package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidParameter;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a contact's tags, from the model: at most {@value #MAX_TAGS} on a contact and in a
 * request, keys of 1 to 128 characters matching {@code ^(?!aws:)[a-zA-Z+-=._:/]+$} (the range
 * {@code +-=} takes digits and {@code , - . / : ; <} too), values up to 256 characters.
 */
public final class TagRules {
    public static final int MAX_TAGS = 6;
    private static final Pattern KEY = Pattern.compile("^(?!aws:)[a-zA-Z+-=._:/]+$");

    private TagRules() {
    }

    /** TagContact's Tags. */
    public static void checkTags(Map<String, String> tags) {
        if (tags.isEmpty() || tags.size() > MAX_TAGS) {
            throw invalidParameter("Tags must have between 1 and " + MAX_TAGS + " entries.");
        }
        tags.forEach((key, value) -> {
            checkKey(key);
            if (value.length() > 256) {
                throw invalidParameter("Tags value of '" + key + "' must be at most 256 characters.");
            }
        });
    }

    /** UntagContact's TagKeys. */
    public static void checkKeys(Collection<String> keys) {
        if (keys.isEmpty() || keys.size() > MAX_TAGS) {
            throw invalidParameter("TagKeys must have between 1 and " + MAX_TAGS + " keys.");
        }
        keys.forEach(TagRules::checkKey);
    }

    /** The tags a contact would have after a TagContact. */
    public static void checkCap(Map<String, String> merged) {
        if (merged.size() > MAX_TAGS) {
            throw invalidParameter("A contact has at most " + MAX_TAGS + " tags; remove some with UntagContact first.");
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 128) {
            throw invalidParameter("Tag keys must be 1 to 128 characters.");
        }
        if (!KEY.matcher(key).matches()) {
            throw invalidParameter("Tag key '" + key + "' must match ^(?!aws:)[a-zA-Z+-=._:/]+$ (and may not start with aws:).");
        }
    }
}

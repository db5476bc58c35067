package dev.connecttasks.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP API route: a method, a path with {@code {Label}} segments, and the function behind it. */
public final class Route {
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final String method;
    private final String path;
    private final String functionId;
    private final Pattern pattern;
    private final List<String> labels = new ArrayList<>();

    public Route(String method, String path, String functionId) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.functionId = functionId;
        StringBuilder regex = new StringBuilder();
        Matcher label = LABEL.matcher(path);
        int last = 0;
        while (label.find()) {
            // a label matches one whole, non-empty segment, as in API Gateway
            regex.append(Pattern.quote(path.substring(last, label.start()))).append("([^/]+)");
            labels.add(label.group(1));
            last = label.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
    }

    public String method() {
        return method;
    }

    public String functionId() {
        return functionId;
    }

    public String routeKey() {
        return method + " " + path;
    }

    /** The raw (still percent-encoded) values of the labels when {@code rawPath} matches, or null. */
    public Map<String, String> match(String rawPath) {
        Matcher matcher = pattern.matcher(rawPath);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), matcher.group(i + 1));
        }
        return values;
    }
}
